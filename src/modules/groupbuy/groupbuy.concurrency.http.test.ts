import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import { settleFailedMember } from './expiry.js';
import { groupBuySteps } from './test-steps.js';

let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

describe('group buying under concurrency', () => {
  it(`gives the last seat to exactly one of 20 simultaneous joiners ${RACE}`, async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3, stock: 100 });
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    await gb.joinAndPay(b.token, variantId, { campaignId: campaign.id, groupId });
    const racers = await Promise.all(Array.from({ length: 20 }, () => t.signUp()));
    const results = await Promise.all(
      racers.map((r) => gb.order(r.token, variantId, { campaignId: campaign.id, groupId })),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const [row] = await t.db.query<{ taken: number }>('SELECT taken FROM group_buy_groups WHERE id = $1', [
      groupId,
    ]);
    expect(row?.taken).toBe(3);
    expect(await stockOf(t, variantId)).toBe(97);
  });

  it(`refunds every paid member of an expired group exactly once when expiry and settlement run twice at once ${RACE}`, async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 4, stock: 10 });
    const people = await Promise.all([t.signUp(), t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(people[0]!.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    const paid: Order[] = [first];
    for (const p of people.slice(1))
      paid.push(await gb.joinAndPay(p.token, variantId, { campaignId: campaign.id, groupId }));
    t.clock.advance(61 * 60_000);

    const failedGroups = async () =>
      (
        await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM group_buy_groups WHERE status = 'failed'",
        )
      )[0]?.n ?? 0;
    const failedBefore = await failedGroups();
    const failed = await Promise.all([
      t.services.groupBuys.failExpiredGroups(),
      t.services.groupBuys.failExpiredGroups(),
    ]);
    // Each expired group (this one, and the one the last test left filling) is failed by one run only.
    expect(failed.reduce((sum, n) => sum + n, 0)).toBe((await failedGroups()) - failedBefore);
    // The settlement of each member, twice at once, besides the queued jobs run twice at once.
    await Promise.allSettled(
      paid.flatMap((o) => [
        settleFailedMember(t.db, t.services.orders, o.id),
        settleFailedMember(t.db, t.services.orders, o.id),
      ]),
    );
    await Promise.all([t.jobs.runDue(), t.jobs.runDue()]);
    await t.jobs.runDue();

    const ids = paid.map((o) => o.id);
    const refunds = await t.db.query<{ order_id: string; n: number }>(
      `SELECT order_id, count(*)::int AS n FROM refunds WHERE order_id = ANY($1) AND status = 'succeeded' GROUP BY order_id`,
      [ids],
    );
    expect(refunds.map((r) => r.n)).toEqual([1, 1, 1]);
    const postings = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'order.refunded' AND ref = ANY($1)`,
      [ids],
    );
    expect(postings[0]?.n).toBe(3);
    const intents = await t.db.query<{ amount: number; refunded_amount: number }>(
      'SELECT amount, refunded_amount FROM sandbox_payment_intents WHERE order_id = ANY($1)',
      [ids],
    );
    expect(intents.every((i) => i.refunded_amount === i.amount)).toBe(true);
    expect(await stockOf(t, variantId)).toBe(10);
    expect(await gb.group(groupId)).toMatchObject({ status: 'failed' });
  });
});
