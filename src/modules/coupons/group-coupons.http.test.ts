import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { groupBuySteps } from '../groupbuy/test-steps.js';
import type { Order } from '../orders/present.js';
import type { CouponTemplate, HeldCoupon } from './present.js';
import type { CouponChoice } from './redeem.js';

/**
 * Regression for issue 20: the checkout coupon picker judged a group order's coupon on the list
 * price (4500) while the shopper pays the group price (3900), so a coupon "applied" in the picker
 * and was refused at checkout, or showed a discount it would not give. Picker and checkout must
 * both judge on the price actually paid.
 */
let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
let adminToken: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
type Choice = CouponChoice;

beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
  adminToken = await gb.admin();
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function couponFor(person: Person, body: Record<string, unknown>): Promise<HeldCoupon> {
  const template = await t.request('POST', '/api/admin/coupons', {
    token: adminToken,
    body: { title: 'Coupon', ...body },
  });
  expect(template.statusCode, template.body).toBe(201);
  const res = await t.request('POST', `/api/coupons/${template.json<CouponTemplate>().id}/claim`, {
    token: person.token,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<HeldCoupon>();
}

async function choices(
  person: Person,
  variantId: string,
  groupBuy?: { campaignId: string; groupId?: string },
) {
  const query = new URLSearchParams({ items: `${variantId}:1` });
  if (groupBuy) query.set('campaignId', groupBuy.campaignId);
  if (groupBuy?.groupId) query.set('groupId', groupBuy.groupId);
  const res = await t.request('GET', `/api/me/coupons/applicable?${query}`, { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Choice[] }>().items;
}

const orderWith = (person: Person, variantId: string, couponId: string, groupBuy?: object) =>
  t.request('POST', '/api/orders', {
    token: person.token,
    body: { items: [{ variantId, quantity: 1 }], couponId, ...(groupBuy ? { groupBuy } : {}) },
  });

describe('coupons on group orders', () => {
  it('judge the minimum spend on the group price, not the list price (4500 vs 3900)', async () => {
    const { campaign, variantId } = await gb.createCampaign({ regularPrice: 4500, price: 3900 });
    const buyer = await t.signUp();
    const coupon = await couponFor(buyer, { kind: 'amount_off', amountOff: 500, minSpend: 4000 });
    const groupBuy = { campaignId: campaign.id };

    // Alone, at the list price, the coupon applies; in the group, at 3900, it does not.
    expect((await choices(buyer, variantId))[0]).toMatchObject({ applicable: true, discount: 500 });
    const inGroup = (await choices(buyer, variantId, groupBuy))[0]!;
    expect(inGroup).toMatchObject({ applicable: false, discount: 0 });
    expect(inGroup.refusal).toEqual({
      reason: 'coupon_min_spend',
      params: { couponId: coupon.id, minSpendAmount: 4000, subtotal: 3900 },
    });
    // …and checkout agrees with the picker.
    const refused = await orderWith(buyer, variantId, coupon.id, groupBuy);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'coupon_min_spend', params: inGroup.refusal?.params });
  });

  it('takes a percentage off the group price, and the picker shows what checkout takes', async () => {
    const { campaign, variantId } = await gb.createCampaign({
      regularPrice: 4500,
      price: 3900,
      groupSize: 2,
    });
    const [leader, joiner] = await Promise.all([t.signUp(), t.signUp()]);
    const opened = await gb.joinAndPay(leader.token, variantId, { campaignId: campaign.id });
    const groupBuy = { campaignId: campaign.id, groupId: opened.groupBuy!.groupId };
    const coupon = await couponFor(joiner, { kind: 'percent_off', percentOffBps: 1000 });
    expect((await choices(joiner, variantId, groupBuy))[0]).toMatchObject({
      applicable: true,
      discount: 390,
    });
    const placed = await orderWith(joiner, variantId, coupon.id, groupBuy);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>()).toMatchObject({ subtotal: 3900, discount: 390, total: 3510 });
  });

  it('prices the leader of a new group at the leader price', async () => {
    const { campaign, variantId } = await gb.createCampaign({
      regularPrice: 4500,
      price: 3900,
      leaderPrice: 3500,
    });
    const buyer = await t.signUp();
    await couponFor(buyer, { kind: 'percent_off', percentOffBps: 1000 });
    expect((await choices(buyer, variantId, { campaignId: campaign.id }))[0]!.discount).toBe(350);
  });

  it('refuses an unknown campaign with 404', async () => {
    const buyer = await t.signUp();
    const { variantId } = await gb.createCampaign();
    const res = await t.request('GET', `/api/me/coupons/applicable?items=${variantId}:1&campaignId=nope`, {
      token: buyer.token,
    });
    expect(res.statusCode).toBe(404);
  });

  it('gives the member price only for a group of the campaign: another campaign’s group is refused', async () => {
    const mine = await gb.createCampaign({ regularPrice: 4500, price: 3900, groupSize: 3 });
    const other = await gb.createCampaign({ groupSize: 3 });
    const [leader, buyer] = await Promise.all([t.signUp(), t.signUp()]);
    const elsewhere = await gb.joinAndPay(leader.token, other.variantId, { campaignId: other.campaign.id });
    const groupId = elsewhere.groupBuy!.groupId;
    const query = `items=${mine.variantId}:1&campaignId=${mine.campaign.id}&groupId=${groupId}`;
    const res = await t.request('GET', `/api/me/coupons/applicable?${query}`, { token: buyer.token });
    expect(res.json()).toMatchObject({
      status: 400,
      reason: 'group_price_requires_group',
      params: { campaignId: mine.campaign.id, groupId },
    });
  });

  it('property: over random list and group prices, picker and checkout judge and discount the paid total', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(10_000)),
        fc.boolean(),
        async (regularPrice, groupPercent, minSpend, bps, inGroup) => {
          const price = Math.max(1, Math.floor((regularPrice * groupPercent) / 100));
          const { campaign, variantId } = await gb.createCampaign({ regularPrice, price, stock: 5 });
          const buyer = await t.signUp();
          const coupon = await couponFor(buyer, { kind: 'percent_off', percentOffBps: bps, minSpend });
          const groupBuy = inGroup ? { campaignId: campaign.id } : undefined;
          const paid = inGroup ? price : regularPrice;
          const [choice] = await choices(buyer, variantId, groupBuy);
          expect(choice!.applicable).toBe(paid >= minSpend);
          // A coupon never takes the last minor unit: at least 1 is left to pay (orders/pricing.ts).
          const expected = paid >= minSpend ? Math.min(Math.floor((paid * bps) / 10_000), paid - 1) : 0;
          expect(choice!.discount).toBe(expected);
          const placed = await orderWith(buyer, variantId, coupon.id, groupBuy);
          if (paid >= minSpend) {
            expect(placed.statusCode, placed.body).toBe(201);
            expect(placed.json<Order>()).toMatchObject({
              subtotal: paid,
              discount: expected,
              total: paid - expected,
            });
            await t.request('POST', `/api/orders/${placed.json<Order>().id}/cancel`, { token: buyer.token });
          } else {
            expect(placed.statusCode).toBe(422);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
