import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../src/platform/db.js';
import { MIGRATIONS_DIR, migrate } from '../../../src/platform/migrate.js';
import { createEmptyPostgresDatabase } from '../../support/test-db.js';

/**
 * Processes started at the same moment on one fresh PostgreSQL each run migrate(): the advisory
 * lock must let every file apply exactly once and every process start.
 */
const files = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

describe('migrate on PostgreSQL', () => {
  it.each([2, 3, 5])('lets %i processes migrate one empty database at once', async (processes) => {
    const url = await createEmptyPostgresDatabase();
    const pools = Array.from({ length: processes }, () => openPostgres(url, 2));
    try {
      const results = await Promise.allSettled(pools.map((db) => migrate(db)));
      expect(results.map((r) => r.status)).toEqual(Array(processes).fill('fulfilled'));
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.sort()).toEqual(files);
      const rows = await pools[0]?.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      );
      expect(rows?.map((r) => r.name)).toEqual(files);
    } finally {
      await Promise.all(pools.map((db) => db.close()));
    }
  });
});
