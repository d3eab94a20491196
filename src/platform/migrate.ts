import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './db.js';
import { projectPath } from './paths.js';

export const MIGRATIONS_DIR = projectPath('migrations');

// Any constant shared by every Fission process: the advisory lock that serializes migrations.
const MIGRATION_LOCK = 4_242_017;

/**
 * Applies the forward-only SQL files in `migrations/` that have not run yet, in name order, in one
 * transaction under an advisory lock: two processes starting at once apply each file exactly once.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(`${dir}/${file}`, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}
