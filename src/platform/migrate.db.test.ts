import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, openTestDatabase, testDialect } from '../../test/support/test-db.js';
import { type Database, openPglite, openPostgres } from './db.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';

const files = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

const openEmpty = async (): Promise<Database> =>
  testDialect === 'postgres' ? openPostgres(await createEmptyPostgresDatabase(), 2) : openPglite();

const appliedNames = async (db: Database) =>
  (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);

describe('migrate', () => {
  let fresh: Database;
  beforeAll(async () => {
    fresh = await openEmpty();
  });
  afterAll(() => fresh.close());

  it('applies every file in name order on an empty database, then nothing the second time', async () => {
    expect(files.length).toBeGreaterThan(0);
    expect(await migrate(fresh)).toEqual(files);
    expect(await migrate(fresh)).toEqual([]);
    expect(await appliedNames(fresh)).toEqual(files);
  });

  it('applies nothing to a database the test template already migrated', async () => {
    const db = await openTestDatabase();
    try {
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
