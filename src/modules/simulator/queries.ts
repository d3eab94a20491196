import type { Queryable } from '../../platform/db.js';
import type { SimulationInput, SimulationResult, SimulationStatus } from './schemas.js';

export interface SimulationRow {
  id: string;
  status: SimulationStatus;
  failure: 'cancelled' | 'error' | null;
  progress: number;
  input: SimulationInput;
  result: SimulationResult | null;
  created_by: string | null;
  created_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
}

const SUMMARY = `id, status, failure, progress, input, NULL::jsonb AS result, created_by,
  created_at, heartbeat_at, finished_at`;

export async function insertSimulation(
  conn: Queryable,
  row: { id: string; input: SimulationInput; createdBy: string | null; now: Date },
): Promise<void> {
  await conn.query(
    `INSERT INTO simulations (id, input, created_by, created_at, heartbeat_at) VALUES ($1, $2, $3, $4, $4)`,
    [row.id, JSON.stringify(row.input), row.createdBy, row.now],
  );
}

export const findSimulation = async (conn: Queryable, id: string) =>
  (await conn.query<SimulationRow>('SELECT * FROM simulations WHERE id = $1', [id]))[0];

/** Newest first, without results (they can be large); keyset on id (ids are time-ordered). */
export const listSimulations = (conn: Queryable, beforeId: string | null, limit: number) =>
  conn.query<SimulationRow>(
    `SELECT ${SUMMARY} FROM simulations WHERE ($1::text IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
    [beforeId, limit],
  );

/** Progress from the running process; false once the run is no longer running (cancelled meanwhile). */
export async function recordProgress(conn: Queryable, id: string, progress: number, now: Date) {
  const rows = await conn.query(
    `UPDATE simulations SET progress = GREATEST(progress, $2), heartbeat_at = $3
     WHERE id = $1 AND status = 'running' RETURNING id`,
    [id, progress, now],
  );
  return rows.length > 0;
}

export async function finishSimulation(conn: Queryable, id: string, result: SimulationResult, now: Date) {
  await conn.query(
    `UPDATE simulations SET status = 'done', progress = 1, result = $2, finished_at = $3, heartbeat_at = $3
     WHERE id = $1 AND status = 'running'`,
    [id, JSON.stringify(result), now],
  );
}

/** Ends a running simulation as failed; false when it had already ended. */
export async function failSimulation(conn: Queryable, id: string, failure: 'cancelled' | 'error', now: Date) {
  const rows = await conn.query(
    `UPDATE simulations SET status = 'failed', failure = $2, finished_at = $3
     WHERE id = $1 AND status = 'running' RETURNING id`,
    [id, failure, now],
  );
  return rows.length > 0;
}
