import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';
import type { Queryable } from './db.js';
import { AppError } from './errors.js';

/**
 * Idempotency keys (API.md): the same key with the same body returns the original response and
 * has no second effect; the same key with another body is a 409. Keys live at least 24 hours.
 */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export const KEY_RETENTION_MS = 48 * 3_600_000;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const requestHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

function replayOrConflict(row: KeyRow, hash: string): StoredResponse {
  if (row.request_hash !== hash)
    throw new AppError('conflict', 'This Idempotency-Key was used with a different request', undefined, {
      reason: 'idempotency_key_reused',
    });
  if (row.status_code === null)
    throw new AppError(
      'conflict',
      'A request with this Idempotency-Key is still being processed',
      undefined,
      {
        reason: 'idempotency_key_in_progress',
      },
    );
  return { statusCode: row.status_code, body: row.response };
}

export function createIdempotencyStore(clock: Clock) {
  /** The stored response for a key, if the same request already completed. */
  async function find(
    conn: Queryable,
    scope: string,
    key: string,
    hash: string,
  ): Promise<StoredResponse | null> {
    const rows = await conn.query<KeyRow>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    return rows[0] ? replayOrConflict(rows[0], hash) : null;
  }

  /**
   * Claims a key inside the caller's transaction. A concurrent request with the same key waits on
   * the primary key until this transaction ends, then replays (or conflicts). Returns the stored
   * response when the key was already used, or null when this request now owns it.
   */
  async function claim(
    tx: Queryable,
    scope: string,
    key: string,
    hash: string,
  ): Promise<StoredResponse | null> {
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash, clock.now()],
    );
    if (inserted.length > 0) return null;
    return find(tx, scope, key, hash);
  }

  async function complete(
    conn: Queryable,
    scope: string,
    key: string,
    response: StoredResponse,
  ): Promise<void> {
    await conn.query(
      'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2',
      [scope, key, response.statusCode, JSON.stringify(response.body)],
    );
  }

  /** Frees a key whose request failed part-way, so the client can retry with it. */
  async function release(conn: Queryable, scope: string, key: string): Promise<void> {
    await conn.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL', [
      scope,
      key,
    ]);
  }

  async function purgeExpired(conn: Queryable): Promise<void> {
    await conn.query('DELETE FROM idempotency_keys WHERE created_at < $1', [
      new Date(clock.now().getTime() - KEY_RETENTION_MS),
    ]);
  }

  return { find, claim, complete, release, purgeExpired };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
