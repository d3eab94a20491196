import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, testDialect } from '../../test/support/test-db.js';
import { type Database, openPostgres } from './db.js';

/** PostgreSQL plans a statement used over and over once per connection; PgBouncer setups turn it off. */
describe.runIf(testDialect === 'postgres')('prepared statements on PostgreSQL', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  async function preparedAfterUses(preparedStatements: boolean) {
    const db = openPostgres(await createEmptyPostgresDatabase(), { poolSize: 1, preparedStatements });
    opened.push(db);
    for (let i = 0; i < 4; i++) await db.query('SELECT $1::int + 1 AS n', [i]);
    // One connection: the catalogue view shows that session's own prepared statements.
    return db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
  }

  it('prepares a repeated statement on the connection', async () => {
    expect((await preparedAfterUses(true)).map((r) => r.statement)).toEqual(['SELECT $1::int + 1 AS n']);
  });

  it('prepares nothing with DATABASE_PREPARED_STATEMENTS=0', async () => {
    expect(await preparedAfterUses(false)).toEqual([]);
  });

  it('runs a statement again unprepared when a migration changed what it returns, in a transaction too', async () => {
    const db = openPostgres(await createEmptyPostgresDatabase(), { poolSize: 1 });
    opened.push(db);
    await db.exec(`CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)`);
    const sql = 'SELECT * FROM t WHERE id = $1';
    for (let i = 0; i < 4; i++) await db.query(sql, [1]);
    await db.exec('ALTER TABLE t ADD COLUMN extra int NOT NULL DEFAULT 7');
    expect(await db.query(sql, [1])).toEqual([{ id: 1, extra: 7 }]);
    await db.exec('ALTER TABLE t ADD COLUMN more int NOT NULL DEFAULT 8');
    expect(await db.transaction((tx) => tx.query(sql, [1]))).toEqual([{ id: 1, extra: 7, more: 8 }]);
  });
});
