import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { groupBuySteps } from '../groupbuy/test-steps.js';
import type { Order } from '../orders/present.js';
import type { ShareEarning } from './schemas.js';

/** Regression for issue 20: promoters did not see what a share earns. */
let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let promoter: Person;

beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
  promoter = await t.signUp({ name: 'Mei Lin' });
});
afterAll(() => t.close());

async function earnings(productIds: string[], token = promoter.token) {
  const res = await t.request('GET', `/api/me/share-earnings?productIds=${productIds.join(',')}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: ShareEarning[] }>().items;
}

/** A buyer orders one unit through the promoter's link and pays; the promoter's level-1 commission. */
async function earnedThroughLink(target: { productId: string }, variantId: string, groupBuy?: object) {
  const link = await t.request('POST', '/api/share-links', { token: promoter.token, body: target });
  expect(link.statusCode, link.body).toBe(201);
  const buyer = await t.signUp();
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: {
      items: [{ variantId, quantity: 1 }],
      shareCode: link.json().code,
      ...(groupBuy ? { groupBuy } : {}),
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
  const mine = await t.request('GET', '/api/me/commissions', { token: promoter.token });
  return mine
    .json<{ items: { orderId: string; level: number; amount: number }[] }>()
    .items.find((c) => c.orderId === order.id && c.level === 1)?.amount;
}

describe('GET /api/me/share-earnings', () => {
  it('shows "earn ¥3.90" on a ¥39.00 product at the default 10%, and it is what the share then earns', async () => {
    const { product, variantId } = await createProduct(t, { price: 3900, stock: 10 });
    const [item] = await earnings([product.id]);
    expect(item).toEqual({
      productId: product.id,
      rateBps: 1000,
      variants: [{ variantId, price: 3900, earn: 390 }],
      groupBuys: [],
    });
    expect(await earnedThroughLink({ productId: product.id }, variantId)).toBe(390);
  });

  it("applies the product's commission override", async () => {
    const { product, variantId } = await createProduct(t, { price: 3900, stock: 10 });
    await t.services.catalog.updateProduct(product.id, { commissionRateBps: 2000 });
    const [item] = await earnings([product.id]);
    expect(item).toMatchObject({ rateBps: 2000, variants: [{ variantId, earn: 780 }] });
    expect(await earnedThroughLink({ productId: product.id }, variantId)).toBe(780);
  });

  it('prices a running group buy at the group price, as the group order pays', async () => {
    const { campaign, variantId, product } = await gb.createCampaign({
      regularPrice: 4500,
      price: 3900,
      groupSize: 2,
    });
    const [item] = await earnings([product.id]);
    expect(item!.variants).toEqual([{ variantId, price: 4500, earn: 450 }]);
    expect(item!.groupBuys).toEqual([{ campaignId: campaign.id, variantId, price: 3900, earn: 390 }]);
    const leader = await t.signUp();
    const opened = await gb.joinAndPay(leader.token, variantId, { campaignId: campaign.id });
    const groupBuy = { campaignId: campaign.id, groupId: opened.groupBuy!.groupId };
    expect(await earnedThroughLink({ productId: product.id }, variantId, groupBuy)).toBe(390);
  });

  it("follows the operator's rates, and leaves unknown products out", async () => {
    const admin = await t.signInAdmin();
    const { product } = await createProduct(t, { price: 10_000 });
    const set = (ratesBps: number[]) =>
      t.request('PUT', '/api/admin/distribution/settings', { token: admin.token, body: { ratesBps } });
    expect((await set([1500, 500])).statusCode).toBe(200);
    const items = await earnings([product.id, 'no-such-product']);
    expect(items.map((i) => [i.productId, i.variants[0]!.earn])).toEqual([[product.id, 1500]]);
    await set([1000, 500]);
  });

  it('needs a signed-in person and sound ids', async () => {
    expectProblem(await t.request('GET', '/api/me/share-earnings?productIds=x'), 401);
    expectProblem(await t.request('GET', '/api/me/share-earnings', { token: promoter.token }), 400);
    expectProblem(
      await t.request('GET', '/api/me/share-earnings?productIds=a,,b', { token: promoter.token }),
      400,
    );
  });
});
