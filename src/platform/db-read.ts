import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Database, Queryable } from './db.js';
import { openPostgres } from './db.js';

/**
 * `DATABASE_READ_URL`: read-only queries (catalog lists and pages, feeds, analytics) on a
 * PostgreSQL streaming replica. A module opts in with `readerOf(db)` for the queries that may be a
 * moment behind; everything else, and every transaction, stays on the primary.
 *
 * When the replica is used, and why (replica lag):
 * - only inside a GET or HEAD request. A write request (its reads, the answer built from what it
 *   wrote), jobs, start-up and event handlers always read the primary, so nothing decides or
 *   writes from a stale row: checkout re-reads stock and prices under its own transaction.
 * - only while the replica is close behind: a monitor compares the primary's WAL position with
 *   what the replica has replayed; a replica more than `maxLagMs` behind, or unreachable, is left
 *   until it catches up, and a failing replica query is answered by the primary.
 * So a page read right after a person's own write may be behind by the replication lag (on one
 * machine or a LAN, milliseconds), never by more than `maxLagMs`.
 */
export interface ReadReplicaOptions {
  /** Past this, reads go to the primary until the replica catches up. */
  maxLagMs?: number;
  /** How often each process measures the lag. */
  pollMs?: number;
  poolSize?: number;
  /** As the primary's (DATABASE_PREPARED_STATEMENTS): off behind a pooler that cannot keep them. */
  preparedStatements?: boolean;
}

const readRequests = new AsyncLocalStorage<true>();

/** Fastify onRequest hook: this request's `readerOf` queries may use the replica. */
export function replicaForReadRequests(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
) {
  if (request.method === 'GET' || request.method === 'HEAD') readRequests.run(true, done);
  else done();
}

/** The handle for queries that may be served by the replica (the primary when there is none). */
export const readerOf = (db: Database): Queryable => db.reader ?? db;

/** The replica is a connection problem, not a wrong query: worth the primary's answer instead. */
const replicaUnavailable = (error: unknown) => {
  const code = (error as { code?: string }).code ?? '';
  // No SQLSTATE (none, or Node's ECONNREFUSED…): the socket failed. 08: connection; 57P: shutting
  // down; 40001: cancelled by a recovery conflict (a standby cancels reads that block replay).
  const sqlState = /^[0-9A-Z]{5}$/.test(code);
  return !sqlState || code.startsWith('08') || code.startsWith('57P') || code === '40001';
};

export interface ReplicaState {
  /** How far behind the replica was at the last measure, ms (0: caught up). */
  lagMs: number;
  healthy: boolean;
  /** Queries answered by the replica, and replica queries the primary answered instead. */
  served: number;
  fellBack: number;
}

export function withReadReplica(
  primary: Database,
  readUrl: string,
  options: ReadReplicaOptions = {},
): Database & { replica: ReplicaState } {
  const maxLagMs = options.maxLagMs ?? 2000;
  const pollMs = options.pollMs ?? 500;
  // A replica that stops answering (rather than refusing) must not hold a page for minutes.
  const replica = openPostgres(readUrl, {
    poolSize: options.poolSize ?? 10,
    preparedStatements: options.preparedStatements ?? true,
    connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: REPLICA_QUERY_TIMEOUT_MS,
  });
  const state: ReplicaState = { lagMs: 0, healthy: false, served: 0, fellBack: 0 };
  let measuredAt = 0;
  const stopMonitor = monitorLag(primary, replica, pollMs, (lagMs, reachable) => {
    state.lagMs = lagMs;
    state.healthy = reachable && lagMs <= maxLagMs;
    measuredAt = Date.now();
  });
  // A measure overdue (it hangs on the replica) says as much as a failed one.
  const trusted = () => state.healthy && Date.now() - measuredAt <= maxLagMs + pollMs;

  const reader: Queryable = {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      if (!trusted() || readRequests.getStore() !== true) return primary.query<Row>(sql, params);
      try {
        const rows = await replica.query<Row>(sql, params);
        state.served += 1;
        return rows;
      } catch (error) {
        if (!replicaUnavailable(error)) throw error;
        state.fellBack += 1;
        return primary.query<Row>(sql, params);
      }
    },
    // Scripts change things: the primary's.
    exec: (sql: string) => primary.exec(sql),
  };

  return {
    ...primary,
    reader,
    replica: state,
    async close() {
      stopMonitor();
      await replica.close();
      await primary.close();
    },
  };
}

const REPLICA_CONNECT_TIMEOUT_MS = 3_000;
const REPLICA_QUERY_TIMEOUT_MS = 30_000;

type LagReport = (lagMs: number, reachable: boolean) => void;

/**
 * Lag in time, from WAL positions: every poll notes the primary's position and when; the replica
 * is as far behind as the oldest noted position it has not replayed yet. (The replay timestamp
 * alone would call an idle shop's replica minutes behind.)
 */
function monitorLag(primary: Queryable, replica: Queryable, pollMs: number, report: LagReport): () => void {
  let noted: { at: number; lsn: number }[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const measure = async () => {
    try {
      const [p] = await primary.query<{ lsn: number }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 AS lsn`,
      );
      noted.push({ at: Date.now(), lsn: p?.lsn ?? 0 });
      // Bounded while a replica is stuck: only the oldest positions set the lag.
      if (noted.length > 1000) noted.splice(1, 1);
      const [r] = await replica.query<{ lsn: number | null }>(
        `SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::float8 AS lsn`,
      );
      // Not a standby (the primary itself, or a promoted replica): never behind.
      const replayed = r?.lsn ?? Number.POSITIVE_INFINITY;
      noted = noted.filter((n) => n.lsn > replayed);
      report(noted.length ? Date.now() - (noted[0]?.at ?? Date.now()) : 0, true);
    } catch {
      report(Number.POSITIVE_INFINITY, false);
    }
    if (!stopped) {
      timer = setTimeout(measure, pollMs);
      timer.unref();
    }
  };
  void measure();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
