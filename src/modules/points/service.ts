import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import * as q from './queries.js';
import type { PointsPosting } from './schemas.js';

/**
 * Points as a ledger of postings: a balance is the sum of a person's postings, and every posting
 * carries a unique reference, so whatever grants or takes back points does it at most once.
 */
export function createPointsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** Records a change of `delta` points in the caller's transaction; false when `ref` was already posted. */
  async function post(tx: Tx, p: { userId: string; delta: number; reason: string; ref: string }) {
    return q.insertPosting(tx, {
      id: newId(),
      user_id: p.userId,
      delta: p.delta,
      reason: p.reason,
      ref: p.ref,
      created_at: clock.now(),
    });
  }

  async function statement(userId: string, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const [beforeId] = decodeCursor(page.cursor) ?? [];
    const rows = await q.listPostings(db, {
      userId,
      limit,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    const balance = await q.balanceOf(db, userId);
    const items = toPage(
      rows,
      limit,
      (r) => [r.id],
      (r): PointsPosting => ({
        id: r.id,
        delta: r.delta,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
      }),
    );
    return { balance, ...items };
  }

  return { post, statement };
}

export type PointsService = ReturnType<typeof createPointsService>;
