import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/platform/db.js';
import { withDatabase } from './global-setup.js';

export const testDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database of its own for the calling test file, on the dialect of this run. */
export async function openTestDatabase(): Promise<Database> {
  if (testDialect === 'pglite') {
    return openPglite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  }
  const url = await createPostgresDatabase();
  return openPostgres(url, 20);
}

/** Copies the migrated template into a new database and returns its URL. */
export const createPostgresDatabase = (): Promise<string> => createDatabase(inject('postgresTemplate'));

/** A new database without any table, as a first start finds it (migration tests). */
export const createEmptyPostgresDatabase = (): Promise<string> => createDatabase('template0');

async function createDatabase(template: string): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  // Named after the run's template so global teardown drops it with the others.
  const prefix = inject('postgresTemplate').replace('_template_', '_test_');
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}
