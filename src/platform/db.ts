import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

/**
 * One small interface over the two databases Fission runs on: PGlite (embedded, one connection)
 * and a PostgreSQL server (node-postgres pool). Both speak the same SQL; modules only see this.
 */
export interface Queryable {
  /** Parameterized query ($1, $2, ...) returning rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A handle on an open transaction; functions that must run inside one take it explicitly. */
export interface Tx extends Queryable {
  readonly inTransaction: true;
}

export interface Database extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  /** Reads that may come from a streaming replica (src/platform/db-read.ts); take it with `readerOf`. */
  readonly reader?: Queryable;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
// Money and counts are bigint in SQL; every amount Fission handles fits a safe JS integer.
const toNumber = (value: string) => Number(value);

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<Database & { raw: PGlite }> {
  const raw = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [INT8_OID]: toNumber },
    // Catalog search's trigram similarity (migration 026); PostgreSQL servers ship it in contrib.
    extensions: { pg_trgm },
  });
  const wrap = (conn: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await conn.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  });
  return {
    dialect: 'pglite',
    raw,
    ...wrap(raw),
    // PGlite has one connection: its transaction() holds a lock that queues every other query,
    // so transactions are serial and row locks never contend.
    transaction: (work) => raw.transaction((tx) => work({ ...wrap(tx), inTransaction: true })),
    close: () => raw.close(),
  };
}

pg.types.setTypeParser(INT8_OID, toNumber);

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
const MAX_ATTEMPTS = 5;

export function openPostgres(connectionString: string, poolSize = 10): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const wrap = (conn: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await conn.query(sql, params as unknown[])).rows as Row[];
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  });
  return {
    dialect: 'postgres',
    pool,
    ...wrap(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ ...wrap(client), inTransaction: true });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (error as { code?: string }).code;
          if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
