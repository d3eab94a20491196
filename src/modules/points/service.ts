import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import type { PointsPosting } from './schemas.js';

/**
 * A change of points another module asks for. `ref` is unique across all postings: the same ref
 * twice is one posting (the second call returns false), which is how every caller stays idempotent.
 */
export interface PointsChange {
  userId: string;
  points: number;
  /** A code such as `checkin`, `task`, `order`, `mall`, shown (translated) in the person's history. */
  reason: string;
  ref: string;
}

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

  /** Gives `points` (> 0). False when `ref` was already posted. */
  async function earn(tx: Tx, c: PointsChange): Promise<boolean> {
    return post(tx, { userId: c.userId, delta: c.points, reason: c.reason, ref: c.ref });
  }

  /**
   * Spends `points` (> 0) or refuses with 422 `not_enough_points`; spending never makes a balance
   * negative. The person's postings are serialized by a lock on their user row, so two spends at
   * once cannot both pass the balance check. False when `ref` was already posted.
   */
  async function spend(tx: Tx, c: PointsChange): Promise<boolean> {
    await q.lockPerson(tx, c.userId);
    const balance = await q.balanceOf(tx, c.userId);
    if (balance < c.points)
      throw refuse(
        'not_enough_points',
        { balance, needed: c.points },
        `You have ${balance} points; this needs ${c.points}`,
      );
    return post(tx, { userId: c.userId, delta: -c.points, reason: c.reason, ref: c.ref });
  }

  /**
   * Takes back points given earlier (a refunded order's, a reversed reward's). Unlike `spend` it may
   * leave a negative balance: points earned later pay it off first. False when `ref` was already posted.
   */
  async function takeBack(tx: Tx, c: PointsChange): Promise<boolean> {
    await q.lockPerson(tx, c.userId);
    return post(tx, { userId: c.userId, delta: -c.points, reason: c.reason, ref: c.ref });
  }

  const balance = (conn: Queryable, userId: string) => q.balanceOf(conn, userId);

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

  return { post, earn, spend, takeBack, balance, statement };
}

export type PointsService = ReturnType<typeof createPointsService>;
