import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { insertLink } from './insight-queries.js';
import { createInsights, NO_INSIGHT_PORTS } from './insights.js';
import * as q from './queries.js';

/** Cohorts, payback, refund outliers, products and incentives on hand-built rows of analytics' own tables. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  for (const t of ['analytics_events', 'analytics_orders', 'analytics_commissions', 'analytics_links'])
    await db.query(`DELETE FROM ${t}`);
});

// Monday 2026-05-04 starts week 0; the clock stands on Wednesday 2026-06-03.
const NOW = new Date('2026-06-03T12:00:00Z');
const day = (d: string, hour = 12) => new Date(`${d}T${String(hour).padStart(2, '0')}:00:00Z`);
const insights = () =>
  createInsights({ db, clock: { now: () => NOW }, ports: NO_INSIGHT_PORTS, flush: async () => {} });

let seq = 0;
async function paid(
  userId: string,
  at: Date,
  o: {
    first?: boolean;
    channel?: string;
    total?: number;
    refunded?: number;
    promoter?: string;
    commission?: number;
    shareCode?: string;
    coupon?: { templateId: string; discount: number };
  } = {},
) {
  seq += 1;
  const orderId = `o${seq}`;
  await q.insertOrder(db, {
    orderId,
    userId,
    paidAt: at,
    total: o.total ?? 1000,
    channel: o.channel ?? 'direct',
    firstOrder: o.first ?? false,
    deviceId: null,
    shareCode: o.shareCode ?? null,
    coupon: o.coupon ?? null,
    groupCampaignId: null,
  });
  if (o.refunded) await q.setRefunded(db, orderId, o.refunded);
  if (o.promoter)
    await q.insertCommission(db, {
      commissionId: `c${seq}`,
      orderId,
      promoterId: o.promoter,
      level: 1,
      amount: o.commission ?? 100,
      at,
    });
  return orderId;
}

describe('cohorts', () => {
  it('counts week-k activity per first-order week and channel, and leaves out cohorts too young', async () => {
    // Week of 05-04, share: A and B. A pays again in week 1 and week 3; B never again.
    await paid('A', day('2026-05-05'), { first: true, channel: 'share' });
    await paid('A', day('2026-05-12'));
    await paid('A', day('2026-05-13')); // the same week 1: counted once
    await paid('A', day('2026-05-26'));
    await paid('B', day('2026-05-10', 23), { first: true, channel: 'share' });
    // Same week, direct: C pays again that very week (a repurchase, but no later week's activity).
    await paid('C', day('2026-05-06'), { first: true });
    await paid('C', day('2026-05-07'));
    // Week of 05-25: week 1 (06-01..06-07) is not over on 06-03: too young.
    await paid('D', day('2026-05-27'), { first: true });
    // Before the period: not a cohort, though it orders inside it.
    await paid('E', day('2026-04-01'), { first: true });
    await paid('E', day('2026-05-12'));

    const r = await insights().cohorts({ from: '2026-05-01', to: '2026-06-03' });
    expect(r.tooYoung).toBe(1);
    expect(r.cohorts.map((c) => [c.week, c.channel, c.size, c.repurchased])).toEqual([
      ['2026-05-04', 'direct', 1, 1],
      ['2026-05-04', 'share', 2, 1],
    ]);
    const share = r.cohorts[1];
    // Measured by 06-03: weeks 1 (05-11), 2 (05-18), 3 (05-25) are over; week 4 (06-01) is not.
    expect(share?.retention.map((w) => w.active)).toEqual([1, 0, 1]);
    expect(share?.retention[0]?.rate).toBe(0.5);
    expect(share?.repurchaseRate).toBe(0.5);
    expect(r.cohorts[0]?.retention.map((w) => w.active)).toEqual([0, 0, 0]);
    const byShare = r.byChannel.find((c) => c.channel === 'share');
    expect(byShare).toMatchObject({ customers: 2, repurchased: 1, repurchaseRate: 0.5 });
    expect(byShare?.retention[2]).toEqual({ week: 3, measured: 2, active: 1, rate: 0.5 });
  });

  it('stops at the period’s end: activity after `to` is not counted', async () => {
    await paid('A', day('2026-05-05'), { first: true });
    await paid('A', day('2026-05-26'));
    const r = await insights().cohorts({ from: '2026-05-01', to: '2026-05-24' });
    // Ends 05-25: weeks 1 and 2 over; the order of 05-26 is outside.
    expect(r.cohorts[0]?.retention.map((w) => w.active)).toEqual([0, 0]);
    expect(r.cohorts[0]?.repurchased).toBe(0);
  });
});

describe('promoter payback and refund outliers', () => {
  it('sets commission against the net sales it was paid on, and flags a promoter whose buyers refund often', async () => {
    // P: 6 orders of 1000, 4 refunded in full; commission 100 each, shrunk to 0 by full refunds.
    for (let i = 0; i < 6; i++)
      await paid(`p-buyer-${i % 3}`, day('2026-05-10'), { promoter: 'P', refunded: i < 4 ? 1000 : 0 });
    // Q: 10 orders of 2000, none refunded, commission 200 each.
    for (let i = 0; i < 10; i++)
      await paid(`q-buyer-${i}`, day('2026-05-11'), { total: 2000, promoter: 'Q', commission: 200 });
    // R: 2 orders both refunded — too few to be an outlier.
    for (let i = 0; i < 2; i++) await paid('r-buyer', day('2026-05-12'), { promoter: 'R', refunded: 500 });
    // 12 direct orders without refunds: the shop refunds 6 of 30 orders.
    for (let i = 0; i < 12; i++) await paid(`d${i}`, day('2026-05-13'));

    const r = await insights().promoters({ from: '2026-05-01', to: '2026-05-31' });
    expect(r.marginBasis).toBe('net_sales');
    expect(r.shopRefundRate).toBe(0.2);
    expect(r.promoters.map((p) => p.promoter.id)).toEqual(['Q', 'P', 'R']);
    const [qq, p, rr] = r.promoters;
    expect(qq).toMatchObject({
      orders: 10,
      customers: 10,
      netSales: 20_000,
      commission: 2000,
      payback: 10,
      commissionShare: 0.1,
    });
    expect(p).toMatchObject({
      orders: 6,
      customers: 3,
      sales: 6000,
      refunded: 4000,
      netSales: 2000,
      commission: 200,
    });
    expect(p?.refundRate).toBe(0.6667);
    expect(p?.refundsUnusually).toBe(true);
    expect(rr?.refundRate).toBe(1);
    expect(rr?.refundsUnusually).toBe(false);
    expect(qq?.refundsUnusually).toBe(false);
    expect(r.refundOutliers.map((o) => o.promoter.id)).toEqual(['P']);
    // No structure port: the team is null, not a failure.
    expect(r.teams[0]).toEqual({ promoter: { id: 'Q', name: '' }, team: null });
  });

  it('ranks share links by net sales through them, with their openings', async () => {
    await insertLink(db, {
      code: 'L1',
      userId: 'P',
      targetType: 'product',
      targetId: 'prod-1',
      at: day('2026-05-02'),
    });
    await paid('a', day('2026-05-03'), { shareCode: 'L1', promoter: 'P', total: 3000 });
    await paid('b', day('2026-05-03'), { shareCode: 'L2', total: 5000 });
    await q.insertEvents(db, [
      { kind: 'link_opened', occurredAt: day('2026-05-03', 1), subject: 'L1' },
      { kind: 'link_opened', occurredAt: day('2026-05-03', 2), subject: 'L1' },
      { kind: 'link_opened', occurredAt: day('2026-04-03', 2), subject: 'L1' },
    ]);
    const r = await insights().promoters({ from: '2026-05-01', to: '2026-05-31' });
    expect(r.links.map((l) => [l.code, l.sales, l.openings, l.orders])).toEqual([
      ['L2', 5000, 0, 1],
      ['L1', 3000, 2, 1],
    ]);
    expect(r.links[1]?.promoter?.id).toBe('P');
    expect(r.links[1]?.target).toEqual({ type: 'product', id: 'prod-1', title: null });
    expect(r.links[1]?.conversion).toBe(0.5);
  });
});

describe('products and incentives', () => {
  it('counts shares, openings and orders through each product’s links; conversion only past the minimum', async () => {
    await insertLink(db, {
      code: 'A1',
      userId: 'u',
      targetType: 'product',
      targetId: 'pa',
      at: day('2026-05-02'),
    });
    await insertLink(db, {
      code: 'A2',
      userId: 'v',
      targetType: 'product',
      targetId: 'pa',
      at: day('2026-05-02'),
    });
    await insertLink(db, {
      code: 'B1',
      userId: 'u',
      targetType: 'product',
      targetId: 'pb',
      at: day('2026-05-02'),
    });
    await insertLink(db, {
      code: 'S1',
      userId: 'u',
      targetType: 'store',
      targetId: 'pa',
      at: day('2026-05-02'),
    });
    const open = (code: string, n: number) =>
      q.insertEvents(
        db,
        Array.from({ length: n }, (_, i) => ({
          kind: 'link_opened' as const,
          occurredAt: day('2026-05-04', i % 20),
          subject: code,
        })),
      );
    await open('A1', 6);
    await open('A2', 4);
    await open('B1', 3);
    await paid('x', day('2026-05-05'), { shareCode: 'A1' });
    await paid('y', day('2026-05-05'), { shareCode: 'B1' });
    await paid('z', day('2026-05-05'), { shareCode: 'B1' });
    const r = await insights().products({ from: '2026-05-01', to: '2026-05-31' });
    expect(r.byShares.map((p) => [p.product.id, p.shares, p.openings, p.orders])).toEqual([
      ['pa', 2, 10, 1],
      ['pb', 1, 3, 2],
    ]);
    // pb converts better but has 3 openings, under the minimum of 5.
    expect(r.byConversion.map((p) => [p.product.id, p.conversion])).toEqual([['pa', 0.1]]);
  });

  it('sets a coupon’s discount against the sales of the orders that used it, refunded ones without cost', async () => {
    const coupon = { templateId: 'T1', discount: 300 };
    await paid('a', day('2026-05-05'), { coupon, total: 2700 });
    await paid('b', day('2026-05-06'), { coupon, total: 2700, refunded: 2700 });
    await q.insertEvents(db, [
      { kind: 'coupon_unlocked', occurredAt: day('2026-05-01'), subject: 'T1', userId: 'a' },
      { kind: 'coupon_unlocked', occurredAt: day('2026-05-01'), subject: 'T1', userId: 'b' },
      { kind: 'coupon_unlocked', occurredAt: day('2026-05-01'), subject: 'T2', userId: 'c' },
    ]);
    const r = await insights().incentives({ from: '2026-05-01', to: '2026-05-31' });
    expect(r.coupons.map((c) => [c.template.id, c.unlocked, c.orders, c.sales, c.cost])).toEqual([
      ['T1', 2, 2, 2700, 300],
      ['T2', 1, 0, 0, 0],
    ]);
    expect(r.coupons[0]?.costShare).toBe(0.1111);
  });
});
