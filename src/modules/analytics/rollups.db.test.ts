import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { mondayOf } from './insight-rules.js';
import * as q from './queries.js';
import * as rq from './rollup-queries.js';
import { dayOf, weeksOf } from './rules.js';

/** The rollups and grouped queries answer what the log-reading queries they replace answer. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const START = new Date('2026-05-06T00:00:00Z'); // a Wednesday: the first week is clipped
const END = new Date('2026-05-27T00:00:00Z');
const HOUR = 3_600_000;
const hour = (h: number) => new Date(START.getTime() + h * HOUR);
const HOURS = (END.getTime() - START.getTime()) / HOUR;

const shop = fc.record({
  people: fc.array(fc.record({ at: fc.nat(HOURS - 1), inviter: fc.option(fc.nat(9)), device: fc.nat(14) }), {
    minLength: 3,
    maxLength: 10,
  }),
  orders: fc.array(
    fc.record({
      who: fc.nat(9),
      at: fc.nat(HOURS - 1),
      promoter: fc.option(fc.nat(9)),
      refunded: fc.boolean(),
    }),
    {
      maxLength: 25,
    },
  ),
  shares: fc.array(fc.record({ who: fc.nat(9), at: fc.nat(HOURS - 1) }), { maxLength: 8 }),
  openings: fc.array(fc.record({ device: fc.nat(14), at: fc.nat(HOURS - 1) }), { maxLength: 30 }),
});

type Shop = typeof shop extends fc.Arbitrary<infer T> ? T : never;

async function write(data: Shop) {
  for (const t of [
    'analytics_events',
    'analytics_orders',
    'analytics_people',
    'analytics_daily_visits',
    'analytics_daily_orders',
  ])
    await db.query(`DELETE FROM ${t}`);
  const people = data.people.map((p, i) => ({ ...p, id: `u${i}` }));
  for (const p of people)
    await q.insertPerson(db, {
      userId: p.id,
      signedUpAt: hour(p.at),
      deviceId: `d${p.device}`,
      invitedBy: p.inviter === null ? null : `u${p.inviter}`,
    });
  const seen = new Set<string>();
  const orders = [...data.orders].sort((a, b) => a.at - b.at);
  for (const [i, o] of orders.entries()) {
    const userId = `u${o.who % people.length}`;
    await q.insertOrder(db, {
      orderId: `o${i}`,
      userId,
      paidAt: hour(o.at),
      total: 1000 + i,
      channel: o.promoter === null ? 'direct' : 'share',
      firstOrder: !seen.has(userId),
      deviceId: null,
      shareCode: null,
      coupon: null,
      groupCampaignId: null,
    });
    seen.add(userId);
    if (o.promoter !== null)
      await db.query('UPDATE analytics_orders SET promoter_id = $2 WHERE order_id = $1', [
        `o${i}`,
        `u${o.promoter}`,
      ]);
    if (o.refunded) await q.setRefunded(db, `o${i}`, 300);
  }
  await q.insertEvents(db, [
    ...data.shares.map((s) => ({
      kind: 'share_created' as const,
      occurredAt: hour(s.at),
      userId: `u${s.who}`,
    })),
    ...data.openings.map((o) => ({
      kind: 'link_opened' as const,
      occurredAt: hour(o.at),
      deviceId: `d${o.device}`,
    })),
  ]);
}

describe('rollups', () => {
  it('the weekly K-factor in one query equals one query per week', async () => {
    await fc.assert(
      fc.asyncProperty(shop, async (data) => {
        await write(data);
        const grouped = new Map((await rq.kFactorWeeks(db, START, END)).map((w) => [w.monday, w]));
        for (const w of weeksOf({ start: START, end: END })) {
          const one = await q.kFactorParts(db, w.start, w.end);
          const g = grouped.get(dayOf(mondayOf(w.start)));
          expect(Number(g?.referrers ?? 0)).toBe(one.referrers);
          expect(Number(g?.brought ?? 0)).toBe(one.brought);
          if (one.cycleSeconds === null) expect(g?.cycle_seconds ?? null).toBeNull();
          else expect(Number(g?.cycle_seconds)).toBeCloseTo(one.cycleSeconds, 3);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('the funnel from the daily visits (and today’s log) equals the funnel from the log', async () => {
    await fc.assert(
      fc.asyncProperty(shop, fc.nat(20), async (data, liveDay) => {
        await write(data);
        await rq.recountVisits(db, START, END);
        const liveFrom = new Date(START.getTime() + liveDay * 24 * HOUR);
        // Openings of the "live" days are not rolled up yet: the log answers for them.
        await db.query('DELETE FROM analytics_daily_visits WHERE day >= $1::date', [dayOf(liveFrom)]);
        const live = await q.funnel(db, START, END);
        const rolled = await rq.funnelFromRollup(db, START, END, liveFrom);
        expect(rolled).toEqual({
          visit: Number(live.visit),
          signup: Number(live.signup),
          first_order: Number(live.first_order),
          repeat_order: Number(live.repeat_order),
        });
      }),
      { numRuns: 15 },
    );
  });

  it('orders per day rolled up equal orders per day counted, and a changed day is recounted alone', async () => {
    await fc.assert(
      fc.asyncProperty(shop, async (data) => {
        await write(data);
        await rq.recountOrderDays(db, START, END);
        const key = (r: { day: string; channel: string | null }) => `${r.day}|${r.channel ?? '*'}`;
        const counted = new Map((await q.salesByDayAndChannel(db, START, END)).map((r) => [key(r), r]));
        const rolled = await rq.dailyOrders(db, dayOf(START), dayOf(new Date(END.getTime() - 1)));
        expect(rolled.length).toBe(counted.size);
        for (const r of rolled) {
          const c = counted.get(key(r));
          expect(
            [r.gmv, r.orders, r.buyers, r.new_buyers, r.shared_orders, r.shared_gmv].map(Number),
          ).toEqual(
            [c?.gmv, c?.orders, c?.buyers, c?.new_buyers, c?.shared_orders, c?.shared_gmv].map(Number),
          );
        }
      }),
      { numRuns: 10 },
    );
    // A full refund of an old order: its day found from the refund event and recounted.
    const [old] = await db.query<{ order_id: string; day: string; total: number }>(
      `SELECT order_id, to_char((paid_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, total FROM analytics_orders
       ORDER BY paid_at LIMIT 1`,
    );
    if (!old) return;
    const [{ last } = { last: 0 }] = await db.query<{ last: number }>(
      'SELECT COALESCE(max(id), 0)::bigint AS last FROM analytics_events',
    );
    await q.setRefunded(db, old.order_id, 'all');
    await q.insertEvents(db, [{ kind: 'refund', occurredAt: END, subject: old.order_id, amount: old.total }]);
    const days = await rq.changedOrderDays(db, Number(last), END);
    expect(days).toEqual([old.day]);
    await rq.recountOrderDayList(db, days);
    const [after] = await rq.dailyOrders(db, old.day, old.day);
    const fresh = (
      await q.salesByDayAndChannel(db, new Date(`${old.day}T00:00:00Z`), new Date(`${old.day}T23:59:59.999Z`))
    ).find((r) => r.channel === null);
    expect(after?.channel).toBe('*');
    expect(Number(after?.gmv)).toBe(Number(fresh?.gmv));
  });
});
