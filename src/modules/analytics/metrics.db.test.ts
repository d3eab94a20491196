import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import * as q from './queries.js';

/** The metric definitions on hand-built event sets, written straight into analytics' own tables. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(() => clear());

async function clear() {
  await db.query('DELETE FROM analytics_events');
  await db.query('DELETE FROM analytics_orders');
  await db.query('DELETE FROM analytics_people');
  await db.query('DELETE FROM analytics_commissions');
}

const START = new Date('2026-05-01T00:00:00Z');
const END = new Date('2026-06-01T00:00:00Z');
const at = (day: number, hour = 12) => new Date(START.getTime() + ((day - 1) * 24 + hour) * 3_600_000);

let orderSeq = 0;
async function paid(userId: string, when: Date, o: { first: boolean; promoter?: string; total?: number }) {
  orderSeq += 1;
  await q.insertOrder(db, {
    orderId: `o${orderSeq}`,
    userId,
    paidAt: when,
    total: o.total ?? 1000,
    channel: o.promoter ? 'share' : 'direct',
    firstOrder: o.first,
    deviceId: null,
    shareCode: null,
    coupon: null,
    groupCampaignId: null,
  });
  if (o.promoter) {
    await q.insertCommission(db, {
      commissionId: `c${orderSeq}`,
      orderId: `o${orderSeq}`,
      promoterId: o.promoter,
      level: 1,
      amount: 100,
      at: when,
    });
  }
}

const person = (
  userId: string,
  when: Date,
  invitedBy: string | null = null,
  deviceId: string | null = null,
) => q.insertPerson(db, { userId, signedUpAt: when, deviceId, invitedBy });

const share = (userId: string, when: Date) =>
  q.insertEvents(db, [{ kind: 'share_created', occurredAt: when, userId, subject: `link-${userId}` }]);

describe('K-factor', () => {
  it('counts new buyers brought by buyers who shared or invited, over those buyers', async () => {
    // A (a buyer) shares a link and invites B and C; B buys and invites E; D comes through A's link.
    // F never bought: F's invitee G is nobody's conversion. H bought before the period (not new).
    await person('A', at(1, 1));
    await paid('A', at(1, 2), { first: true });
    await share('A', at(2));
    await person('B', at(3), 'A');
    await person('C', at(3), 'A');
    await paid('B', at(4), { first: true });
    await paid('C', at(5), { first: true });
    await person('D', at(6));
    await paid('D', at(6, 13), { first: true, promoter: 'A' });
    await person('E', at(7), 'B');
    await paid('E', at(8), { first: true });
    await person('F', at(2));
    await person('G', at(9), 'F');
    await paid('G', at(10), { first: true });
    await paid('H', new Date('2026-04-01T00:00:00Z'), { first: true });
    await paid('H', at(11), { first: false, promoter: 'A' });

    // Referrers: A (shared and invited) and B (invited E); F is no buyer. Brought: B, C, D, E.
    // The cycle, from each referrer's first order to the first order they brought: A→B 82 h, A→C 106 h,
    // A→D 131 h, B→E 96 h; on average 103.75 h.
    expect(await q.kFactorParts(db, START, END)).toEqual({
      referrers: 2,
      brought: 4,
      cycleSeconds: 103.75 * 3600,
    });
    // Only the first week: A shared and invited B and C, who bought, and D came through A's link.
    expect(await q.kFactorParts(db, START, at(7, 0))).toMatchObject({ referrers: 1, brought: 3 });
  });

  it('places people in generations of the invitation tree, and counts their orders', async () => {
    // R invites S, S invites U and V; W was invited by someone analytics never saw sign up.
    await person('R', at(1));
    await person('S', at(2), 'R');
    await person('U', at(3), 'S');
    await person('V', at(3), 'S');
    await person('W', at(4), 'ghost');
    await paid('S', at(5), { first: true });
    await paid('S', at(6), { first: false });
    await paid('U', at(7), { first: true });
    await paid('W', at(8), { first: true });
    expect(await q.generations(db, START, END)).toEqual([
      { generation: 0, signup: 1, first_order: 0, repeat_order: 0 },
      { generation: 1, signup: 2, first_order: 2, repeat_order: 1 },
      { generation: 2, signup: 2, first_order: 1, repeat_order: 0 },
    ]);
  });
});

describe('the funnel', () => {
  interface Visitor {
    visitDay: number | null;
    signupDay: number | null;
    orders: number;
  }
  const visitor = fc.record({
    visitDay: fc.option(fc.integer({ min: 1, max: 40 })),
    signupDay: fc.option(fc.integer({ min: 1, max: 40 })),
    orders: fc.integer({ min: 0, max: 3 }),
  });

  /** The definition in plain code: each step is a subset of the one before. */
  function expected(visitors: Visitor[]) {
    const inPeriod = (d: number | null): d is number => d !== null && d <= 31;
    const visits = visitors.filter((v) => inPeriod(v.visitDay));
    const signups = visits.filter(
      (v) => inPeriod(v.signupDay) && (v.signupDay as number) >= (v.visitDay as number),
    );
    return {
      visit: visits.length,
      signup: signups.length,
      first_order: signups.filter((v) => v.orders >= 1).length,
      repeat_order: signups.filter((v) => v.orders >= 2).length,
    };
  }

  it('matches its definition on random visitors, and every step is at most the one before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visitor, { maxLength: 12 }), async (visitors) => {
        await clear();
        for (const [i, v] of visitors.entries()) {
          const device = `device-${i}-0123456789`;
          // The visit in the morning, the sign-up at noon: a same-day sign-up comes after the visit.
          if (v.visitDay !== null) {
            await q.insertEvents(db, [
              { kind: 'link_opened', occurredAt: at(v.visitDay, 8), deviceId: device, subject: 'code' },
              { kind: 'link_opened', occurredAt: at(v.visitDay, 9), deviceId: device, subject: 'code' },
            ]);
          }
          if (v.signupDay !== null) {
            await person(`u${i}`, at(v.signupDay), null, device);
            // Orders on the sign-up day: inside the period exactly when the sign-up is.
            for (let n = 0; n < v.orders; n++)
              await paid(`u${i}`, at(v.signupDay, 13 + n), { first: n === 0 });
          }
        }
        const row = await q.funnel(db, START, END);
        expect(row).toEqual(expected(visitors));
        expect(row.visit).toBeGreaterThanOrEqual(row.signup);
        expect(row.signup).toBeGreaterThanOrEqual(row.first_order);
        expect(row.first_order).toBeGreaterThanOrEqual(row.repeat_order);
      }),
      { numRuns: 15 },
    );
  });
});

describe('the daily rollup', () => {
  it('recounts days from the log, so recounting twice gives the same counts', async () => {
    await q.insertEvents(db, [
      { kind: 'link_opened', occurredAt: at(1, 1), channel: 'share' },
      { kind: 'link_opened', occurredAt: at(1, 23), channel: 'share' },
      { kind: 'refund', occurredAt: at(2), channel: 'direct', amount: 500 },
      { kind: 'refund', occurredAt: at(2), channel: 'direct', amount: 250, dedupeKey: 'r1' },
      { kind: 'refund', occurredAt: at(2), channel: 'direct', amount: 250, dedupeKey: 'r1' },
    ]);
    for (let i = 0; i < 2; i++) await q.recountDays(db, START, END, 0);
    const rows = await q.dailyEvents(db, '2026-05-01', '2026-05-31');
    expect(rows).toEqual([
      { day: '2026-05-01', kind: 'link_opened', channel: 'share', events: 2, amount: 0 },
      { day: '2026-05-02', kind: 'refund', channel: 'direct', events: 2, amount: 750 },
    ]);
  });
});
