import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { createListener } from './db-listen.js';
import { statementNames } from './db-statements.js';

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
  /**
   * Hears `NOTIFY channel` (sent with `pg_notify` in any process, delivered after its commit).
   * `onGap` is called when messages may have been missed (the listening connection dropped; it
   * reconnects and calls `onReady` again): whoever caches on the strength of these messages must
   * stop trusting the cache until then. Returns the way to stop listening.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface NotificationHandlers {
  message(payload: string): void;
  onReady(): void;
  onGap(): void;
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
    // One process owns the folder (DATA_DIR/fission.pid), so the listener is in-process and never drops.
    async listen(channel, handlers) {
      const stop = await raw.listen(channel, handlers.message);
      handlers.onReady();
      return stop;
    },
    // PGlite has one connection: its transaction() holds a lock that queues every other query,
    // so transactions are serial and row locks never contend.
    transaction: (work) => raw.transaction((tx) => work({ ...wrap(tx), inTransaction: true })),
    close: () => raw.close(),
  };
}

pg.types.setTypeParser(INT8_OID, toNumber);

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
/** A prepared plan a migration outdated ("cached plan must not change result type"): run again, unprepared. */
const planChanged = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  return code === '0A000' && Boolean(message?.includes('cached plan'));
};
const MAX_ATTEMPTS = 5;

export interface PostgresOptions {
  poolSize?: number;
  /** Named (server-side prepared) statements; off for a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode). */
  preparedStatements?: boolean;
  /** A direct connection for LISTEN (a transaction-mode pooler cannot hold one); DATABASE_URL's server by default. */
  listenUrl?: string;
  /** Give up on a connection or a query after this long (node-postgres' own timers); no limit by default. */
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

export function openPostgres(
  connectionString: string,
  options: PostgresOptions | number = {},
): Database & { pool: pg.Pool } {
  const {
    poolSize = 10,
    preparedStatements = true,
    listenUrl,
    connectTimeoutMs,
    queryTimeoutMs,
  } = typeof options === 'number' ? { poolSize: options } : options;
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const statements = preparedStatements ? statementNames() : undefined;
  const wrap = (conn: pg.Pool | pg.PoolClient, inTransaction: boolean): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const name = params.length > 0 ? statements?.nameOf(sql) : undefined;
      const values = params as unknown[];
      if (!name) return (await conn.query(sql, values)).rows as Row[];
      try {
        return (await conn.query({ name, text: sql, values })).rows as Row[];
      } catch (error) {
        // "cached plan must not change result type": a migration changed a table under `SELECT *`.
        if (!planChanged(error)) throw error;
        statements?.unname(sql);
        if (inTransaction) throw error; // the transaction is aborted; `transaction` runs it again
        return (await conn.query(sql, values)).rows as Row[];
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  });
  const listener = createListener(listenUrl ?? connectionString, (channel, payload) =>
    pool.query('SELECT pg_notify($1, $2)', [channel, payload]),
  );
  return {
    dialect: 'postgres',
    pool,
    ...wrap(pool, false),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ ...wrap(client, true), inTransaction: true });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (error as { code?: string }).code;
          const retryable = (code && RETRYABLE.has(code)) || planChanged(error);
          if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
        } finally {
          client.release();
        }
      }
    },
    listen: listener.listen,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
