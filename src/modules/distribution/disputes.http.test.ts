import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { Wallet } from './wallet.js';

/**
 * Disputes hold an order's commissions until they close; a lost one reverses them like a refund.
 * The payments module publishes the events (from the provider's webhooks); here they are published
 * on the bus inside a transaction, as that module does.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let seller: Person;

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
  seller = await t.signUp({ name: 'Seller' });
  await t.request('POST', '/api/shopkeepers', { token: seller.token });
  await t.request('POST', '/api/stores', {
    token: seller.token,
    body: { name: 'Disputed', slug: 'disputed' },
  });
  await t.request('PUT', '/api/me/payout-details', {
    token: seller.token,
    body: { method: 'wechat', holderName: 'Seller', account: 'wxid_seller1' },
  });
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function paidSale(headers: Record<string, string> = {}) {
  const buyer = await t.signUp();
  const { variantId } = await createProduct(t, { price: 10_000, stock: 10 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    headers,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: 'disputed' },
  });
  const order = placed.json<Order>();
  await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token, headers });
  return { order, buyer };
}

const publish = <E extends 'order.disputed' | 'order.dispute_closed'>(name: E, event: DomainEvents[E]) =>
  t.db.transaction((tx) => t.services.events.publish(tx, name, event));
const complete = (orderId: string) =>
  t.request('POST', `/api/admin/orders/${orderId}/complete`, { token: admin.token });
const commissionOf = async (orderId: string) =>
  (await t.request('GET', '/api/me/commissions', { token: seller.token }))
    .json<{ items: Commission[] }>()
    .items.find((c) => c.orderId === orderId);
const wallet = async () => (await t.request('GET', '/api/me/wallet', { token: seller.token })).json<Wallet>();

describe('disputes', () => {
  it('and an after-sales hold compose: each ends only its own, the commission settles when both are gone', async () => {
    const { order, buyer } = await paidSale();
    await t.db.transaction((tx) => t.services.distribution.holdSettlement(tx, order.id, 'after_sale:x'));
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    await complete(order.id);
    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'won' });
    await t.services.distribution.settleDue();
    expect((await commissionOf(order.id))?.status).toBe('pending');

    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    await t.db.transaction((tx) => t.services.distribution.releaseSettlement(tx, order.id, 'after_sale:x'));
    await t.services.distribution.settleDue();
    expect((await commissionOf(order.id))?.status).toBe('pending');
    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'won' });
    await t.services.distribution.settleDue();
    expect((await commissionOf(order.id))?.status).toBe('settled');
  });

  it('holds a pending commission until the dispute is won, then settles it as usual', async () => {
    const { order, buyer } = await paidSale();
    const before = await wallet();
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    expect(await commissionOf(order.id)).toMatchObject({ held: true, holdReason: 'dispute' });
    expect(await wallet()).toMatchObject({ pending: before.pending - 1000, held: before.held + 1000 });
    await complete(order.id);
    await t.services.distribution.settleDue();
    expect((await commissionOf(order.id))?.status).toBe('pending');
    // The operator cannot clear a dispute hold: it ends with the dispute.
    const id = (await commissionOf(order.id))?.id;
    const release = await t.request('POST', `/api/admin/commissions/${id}/release`, { token: admin.token });
    expect(release.json()).toEqual({ released: false });

    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'won' });
    expect(await commissionOf(order.id)).toMatchObject({ held: false, holdReason: null });
    await t.services.distribution.settleDue();
    expect((await commissionOf(order.id))?.status).toBe('settled');
    expect(await wallet()).toMatchObject({ available: before.available + 1000, held: before.held });
  });

  it('keeps a settled commission under dispute from being withdrawn, and reverses it when lost', async () => {
    const { order, buyer } = await paidSale();
    await complete(order.id);
    await t.services.distribution.settleDue();
    const settled = await wallet();
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    expect(await commissionOf(order.id)).toMatchObject({
      status: 'settled',
      held: true,
      holdReason: 'dispute',
    });
    const during = await wallet();
    expect(during).toMatchObject({ available: settled.available - 1000, held: settled.held + 1000 });
    const tooMuch = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: settled.available },
    });
    expect(tooMuch.statusCode).toBe(422);

    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'lost' });
    expect(await commissionOf(order.id)).toMatchObject({ status: 'reversed', held: false });
    expect(await wallet()).toMatchObject({ available: settled.available - 1000, held: settled.held });
    // A refund arriving afterwards for the same money reverses nothing twice.
    await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect((await wallet()).available).toBe(settled.available - 1000);
  });

  it('reverses a pending commission when the dispute is lost', async () => {
    const before = await wallet();
    const { order, buyer } = await paidSale();
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'lost' });
    expect((await commissionOf(order.id))?.status).toBe('reversed');
    expect(await wallet()).toEqual(before);
  });

  it('puts back the review hold a won dispute replaced', async () => {
    const device = { cookie: 'fission_device=seller-tablet' };
    await t.request('GET', '/api/me', { token: seller.token, headers: device });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { order, buyer } = await paidSale(device);
    expect(await commissionOf(order.id)).toMatchObject({ holdReason: 'shared_device' });
    await publish('order.disputed', { orderId: order.id, userId: buyer.user.id });
    const held = (await commissionOf(order.id)) as Commission;
    expect(held).toMatchObject({ holdReason: 'dispute' });
    // The dispute's hold is not the operator's to decide.
    const review = await t.request('POST', `/api/admin/commissions/${held.id}/review`, {
      token: admin.token,
      body: { decision: 'release' },
    });
    expect(review.statusCode).toBe(409);
    expect(review.json()).toMatchObject({
      reason: 'commission_held_by_dispute',
      params: { commissionId: held.id },
    });
    await publish('order.dispute_closed', { orderId: order.id, userId: buyer.user.id, outcome: 'won' });
    expect(await commissionOf(order.id)).toMatchObject({ held: true, holdReason: 'shared_device' });
  });
});
