import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { type AuditContext, record } from '../audit/index.js';
import type { RewardFacts } from '../orders/index.js';
import { createExpiry } from './expiry.js';
import { createOrderPoints } from './order-points.js';
import * as q from './queries.js';
import { notEnough } from './reasons.js';
import {
  canSpend,
  checkoutAllowance,
  credit,
  type Draw,
  drawFrom,
  expiryOf,
  minorPerMajorOf,
  type PointsSettings,
  planRestore,
} from './rules.js';
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

export interface PointsContext {
  db: Database;
  clock: Clock;
  /** The platform currency, for what a major unit is (CNY: 100 fen). */
  currency: string;
  jobs: JobRunner;
  events: EventBus;
  /** The orders module's facts about an order (wired lazily: orders are created after points). */
  orderFacts: (conn: Queryable, orderId: string) => Promise<RewardFacts | undefined>;
}

/** A posting as `post` takes it; `expiresAt` overrides the settings' expiry of a positive one. */
export interface Posting {
  userId: string;
  delta: number;
  reason: string;
  ref: string;
  expiresAt?: Date | null;
}

/** Where a posting's points come from or go to, when not the usual lots. */
export interface PostingSource {
  /** A negative posting draws from this lot only (an expiry). */
  fromLot?: string;
  /** A negative posting draws from this lot first, then as usual (a refund, from the order's lot). */
  firstLot?: string;
  /** A positive posting gives back points of this spend (a posting id), into the lots it drew. */
  restoring?: string;
}

/** The posting that expires points put back into a lot after its expiry: one per lot and return. */
const expiredAgainRef = (lotId: string, returnId: string) => `expired:${lotId}:${returnId}`;

/**
 * Points as a ledger of lots: a balance is the sum of a person's postings; a positive posting opens
 * a lot (after paying off any debt), a negative one draws from the open lots, soonest-expiring first,
 * and records what it drew, so that a return puts points back where they came from.
 * Every change goes through `post`, under a lock per person, so postings and lots agree.
 */
export function createPointsService(ctx: PointsContext) {
  const { db, clock } = ctx;
  const minorPerMajor = minorPerMajorOf(ctx.currency);

  /**
   * Records a change of `delta` points in the caller's transaction and applies it to the lots;
   * false when `ref` was already posted.
   */
  async function post(tx: Tx, p: Posting, source: PostingSource = {}): Promise<boolean> {
    await q.lockPerson(tx, p.userId);
    const before = await q.balanceOf(tx, p.userId);
    const id = newId();
    const now = clock.now();
    const inserted = await q.insertPosting(tx, {
      id,
      user_id: p.userId,
      delta: p.delta,
      reason: p.reason,
      ref: p.ref,
      created_at: now,
    });
    if (!inserted) return false;
    if (p.delta > 0 && source.restoring) {
      await restore(tx, { id, userId: p.userId, points: p.delta, before, now, spendId: source.restoring });
    } else if (p.delta > 0) {
      const { debtPaid, remaining } = credit(before, p.delta);
      const expiresAt = p.expiresAt !== undefined ? p.expiresAt : expiryOf(now, await q.loadSettings(tx));
      await q.insertLot(tx, {
        id,
        userId: p.userId,
        points: p.delta,
        debtPaid,
        remaining,
        expiresAt,
        at: now,
      });
    } else {
      // What the lots cannot cover is a debt: the balance goes below zero and later points pay it.
      const { draws } = source.fromLot
        ? { draws: [{ lotId: source.fromLot, points: -p.delta }] }
        : drawFrom(await q.openLots(tx, p.userId), -p.delta, source.firstLot);
      for (const [seq, d] of draws.entries()) {
        await q.drawLot(tx, d.lotId, d.points);
        await q.insertDraw(tx, { postingId: id, seq, lotId: d.lotId, points: d.points });
      }
    }
    return true;
  }

  /**
   * A return of a spend's points: back into the lots the spend drew, first drawn first, each with
   * its own expiry (points put back into a lot already past it expire at once, as they would have).
   */
  async function restore(
    tx: Tx,
    r: { id: string; userId: string; points: number; before: number; now: Date; spendId: string },
  ) {
    const plan = planRestore(await q.drawsOf(tx, r.spendId), r.points, r.before);
    for (const a of plan.advances) await q.advanceDraw(tx, r.spendId, a.seq, a.points);
    await q.insertReturn(tx, {
      postingId: r.id,
      spendId: r.spendId,
      debtPaid: plan.debtPaid,
      intoLots: plan.intoLots,
    });
    const expired: Draw[] = [];
    for (const lot of plan.intoLots) {
      const row = await q.restoreLot(tx, lot.lotId, lot.points);
      if (row?.expires_at && row.expires_at.getTime() <= r.now.getTime()) expired.push(lot);
    }
    if (plan.fresh > 0) {
      // A spend from before draws were recorded: what it drew is unknown, so a lot of its own.
      await q.insertLot(tx, {
        id: r.id,
        userId: r.userId,
        points: plan.fresh,
        debtPaid: 0,
        remaining: plan.fresh,
        expiresAt: expiryOf(r.now, await q.loadSettings(tx)),
        at: r.now,
      });
    }
    for (const lot of expired)
      await post(
        tx,
        { userId: r.userId, delta: -lot.points, reason: 'expired', ref: expiredAgainRef(lot.lotId, r.id) },
        { fromLot: lot.lotId },
      );
  }

  /** Gives `points` (> 0). False when `ref` was already posted. */
  async function earn(tx: Tx, c: PointsChange): Promise<boolean> {
    return post(tx, { userId: c.userId, delta: c.points, reason: c.reason, ref: c.ref });
  }

  /**
   * Spends `points` (> 0) or refuses with 422 `not_enough_points`; spending never makes a balance
   * negative. The person's postings are serialized by a lock per person, so two spends at once
   * cannot both pass the balance check. False when `ref` was already posted.
   */
  async function spend(tx: Tx, c: PointsChange): Promise<boolean> {
    await q.lockPerson(tx, c.userId);
    const balance = await q.balanceOf(tx, c.userId);
    if (!canSpend(balance, c.points)) throw notEnough(balance, c.points);
    return post(tx, { userId: c.userId, delta: -c.points, reason: c.reason, ref: c.ref });
  }

  /**
   * Takes back points given earlier (a refunded order's, a reversed reward's). Unlike `spend` it may
   * leave a negative balance: points earned later pay it off first. False when `ref` was already posted.
   */
  async function takeBack(tx: Tx, c: PointsChange): Promise<boolean> {
    return post(tx, { userId: c.userId, delta: -c.points, reason: c.reason, ref: c.ref });
  }

  const balance = (conn: Queryable, userId: string) => q.balanceOf(conn, userId);
  const settings = () => q.loadSettings(db);

  async function statement(userId: string, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const [beforeId] = decodeCursor(page.cursor) ?? [];
    const rows = await q.listPostings(db, {
      userId,
      limit,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    const balance = await q.balanceOf(db, userId);
    const expiring = await q.expiringLots(db, userId, 20);
    const items = toPage(
      rows,
      limit,
      (r) => [r.id],
      (r): PointsPosting => ({
        id: r.id,
        delta: r.delta,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at?.toISOString() ?? null,
        debtPaid: r.debt_paid ?? 0,
      }),
    );
    return {
      balance,
      expiring: expiring.map((l) => ({ points: l.remaining, expiresAt: l.expires_at.toISOString() })),
      ...items,
    };
  }

  /** What a checkout of `payable` minor units may spend: the balance, the most points, their money. */
  async function checkoutQuote(userId: string, payable: number) {
    const [s, balance] = [await q.loadSettings(db), await q.balanceOf(db, userId)];
    const most = checkoutAllowance(balance, payable, s, minorPerMajor);
    return { balance, maxPoints: most.points, discount: most.discount, redeemPerUnit: s.redeemPerUnit };
  }

  async function updateSettings(next: PointsSettings, by?: AuditContext): Promise<PointsSettings> {
    return db.transaction(async (tx) => {
      const before = await q.loadSettings(tx);
      const at = clock.now();
      await q.saveSettings(tx, next, at);
      const target = { type: 'settings', id: 'points' };
      await record(tx, { by, at, action: 'points.settings.update', target, before, after: next });
      return next;
    });
  }

  const ledger = { post, spend, balance };
  const orderPoints = createOrderPoints({ ...ctx, minorPerMajor, points: ledger });
  const expiry = createExpiry({ ...ctx, post });

  return {
    post: (tx: Tx, p: Omit<Posting, 'expiresAt'>) => post(tx, p),
    /** For seeding demo lots that expire soon: a positive posting with its own expiry. */
    postWithExpiry: (tx: Tx, p: Posting) => post(tx, p),
    earn,
    spend,
    takeBack,
    balance,
    settings,
    updateSettings,
    statement,
    checkoutQuote,
    /** The orders module's `PointsCheckout` port. */
    checkout: orderPoints.checkout,
    /** Wired in src/reactions.ts as deferred reactions (jobs, idempotent by references). */
    reactions: orderPoints.reactions,
    expireDueLots: expiry.expireDueLots,
    warnExpiringLots: expiry.warnExpiringLots,
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
