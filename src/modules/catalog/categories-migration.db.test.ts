import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, testDialect } from '../../../test/support/test-db.js';
import { type Database, openPglite, openPostgres } from '../../platform/db.js';
import { MIGRATIONS_DIR, migrate } from '../../platform/migrate.js';

const CATEGORIES = '025_categories.sql';
const dir = mkdtempSync(join(tmpdir(), 'fission-migrations-'));
let db: Database;

beforeAll(async () => {
  db =
    testDialect === 'postgres'
      ? await openPostgres(await createEmptyPostgresDatabase(), 2)
      : await openPglite();
  // The database as it was before categories were managed: products with raw slugs.
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && f < CATEGORIES)) {
    copyFileSync(join(MIGRATIONS_DIR, file), join(dir, file));
  }
  await migrate(db, dir);
  const products = [
    ['p1', 'tea'],
    ['p2', 'home-kitchen'],
    ['p3', 'tea'],
    ['p4', null],
  ];
  for (const [id, category] of products) {
    await db.query(
      `INSERT INTO products (id, title, category, created_at, updated_at) VALUES ($1, 'Item', $2, now(), now())`,
      [id, category],
    );
  }
  copyFileSync(join(MIGRATIONS_DIR, CATEGORIES), join(dir, CATEGORIES));
  await migrate(db, dir);
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 025: categories', () => {
  it('makes a category of every slug products used, named by the capitalised slug, in alphabetical order', async () => {
    const rows = await db.query(
      'SELECT slug, name_en, name_zh_cn, icon, position FROM categories ORDER BY position',
    );
    expect(rows).toEqual([
      { slug: 'home-kitchen', name_en: 'Home kitchen', name_zh_cn: 'Home kitchen', icon: 'tag', position: 0 },
      { slug: 'tea', name_en: 'Tea', name_zh_cn: 'Tea', icon: 'tag', position: 1 },
    ]);
  });

  it('makes every product category a managed one from then on', async () => {
    await expect(
      db.query(
        `INSERT INTO products (id, title, category, created_at, updated_at) VALUES ('p5', 'X', 'ghost', now(), now())`,
      ),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(db.query(`DELETE FROM categories WHERE slug = 'tea'`)).rejects.toMatchObject({
      code: '23503',
    });
  });
});
