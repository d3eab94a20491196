import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceOf,
  createMallItem,
  givePoints,
  redeem,
  redeemed,
} from '../../../test/support/points-mall.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { AdminRedemption, MallItem, Redemption } from './schemas.js';

let t: TestApp;
let admin: { token: string };
let couponTemplateId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  const template = await t.request('POST', '/api/admin/coupons', {
    token: admin.token,
    body: { title: '5 off tea', kind: 'amount_off', amountOff: 500 },
  });
  expect(template.statusCode, template.body).toBe(201);
  couponTemplateId = template.json<{ id: string }>().id;
});
afterAll(() => t.close());

const ADDRESS = { name: '陈杰', phone: '+86 138-0013-8000', city: '杭州市', line1: '文三路 90 号' };

async function buyerWith(points: number) {
  const person = await t.signUp();
  if (points > 0) await givePoints(t, person.user.id, points);
  return person;
}

const mallItem = async (token: string | undefined, itemId: string) => {
  const res = await t.request('GET', `/api/points-mall/${itemId}`, token ? { token } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MallItem>();
};

describe('redeeming each kind of item', () => {
  it('happy: a coupon item puts the coupon in my wallet and spends the points', async () => {
    const item = await createMallItem(t, admin.token, { kind: 'coupon', couponTemplateId, costPoints: 300 });
    const me = await buyerWith(1000);
    const redemption = await redeemed(t, me.token, item.id);
    expect(redemption).toMatchObject({ kind: 'coupon', status: 'done', costPoints: 300, orderId: null });
    const coupons = await t.request('GET', '/api/me/coupons', { token: me.token });
    expect(coupons.json<{ items: { id: string; title: string }[] }>().items).toEqual([
      expect.objectContaining({ id: redemption.couponId, title: '5 off tea', source: 'mall' }),
    ]);
    expect(await balanceOf(t, me.token)).toBe(700);
    const points = await t.request('GET', '/api/me/points', { token: me.token });
    expect(points.json<{ items: { delta: number; reason: string }[] }>().items[0]).toMatchObject({
      delta: -300,
      reason: 'mall',
    });
    expect(await mallItem(me.token, item.id)).toMatchObject({ stock: 4, redeemedByMe: 1 });
  });

  it('happy: a product item becomes a paid order of total 0 with the points, which the operator ships', async () => {
    const { variantId } = await createProduct(t, { price: 4900, stock: 3, title: 'Longjing, 50 g' });
    const item = await createMallItem(t, admin.token, { kind: 'product', variantId, costPoints: 800 });
    const me = await buyerWith(800);
    const redemption = await redeemed(t, me.token, item.id, { address: ADDRESS });
    expect(redemption).toMatchObject({ kind: 'product', status: 'done', couponId: null });
    expect(await stockOf(t, variantId)).toBe(2);
    expect(await balanceOf(t, me.token)).toBe(0);

    const order = (
      await t.request('GET', `/api/orders/${redemption.orderId}`, { token: me.token })
    ).json<Order>();
    expect(order).toMatchObject({
      status: 'paid',
      total: 0,
      subtotal: 0,
      pointsUsed: 800,
      payment: null,
      address: expect.objectContaining(ADDRESS),
      items: [expect.objectContaining({ variantId, title: 'Longjing, 50 g', unitPrice: 0, quantity: 1 })],
    });
    expect(order.timeline.map((e) => e.status)).toEqual(['pending_payment', 'paid']);
    const mine = await t.request('GET', '/api/me/orders', { token: me.token });
    expect(mine.json<{ items: Order[] }>().items.map((o) => o.id)).toEqual([order.id]);
    const listed = await t.request('GET', '/api/admin/orders?status=paid', { token: admin.token });
    expect(listed.json<{ items: Order[] }>().items.map((o) => o.id)).toContain(order.id);

    const shipped = await t.request('POST', `/api/admin/orders/${order.id}/ship`, {
      token: admin.token,
      body: { carrier: 'SF Express', trackingNumber: 'SF1000' },
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json<Order>()).toMatchObject({ status: 'shipped', shipment: { carrier: 'SF Express' } });
  });

  it('happy: a product item ships to a saved address by id', async () => {
    const { variantId } = await createProduct(t, { stock: 3 });
    const item = await createMallItem(t, admin.token, { kind: 'product', variantId, costPoints: 10 });
    const me = await buyerWith(10);
    const saved = await t.request('POST', '/api/me/addresses', { token: me.token, body: ADDRESS });
    const addressId = saved.json<{ id: string }>().id;
    const redemption = await redeemed(t, me.token, item.id, { address: { addressId } });
    const order = (
      await t.request('GET', `/api/orders/${redemption.orderId}`, { token: me.token })
    ).json<Order>();
    expect(order.address).toMatchObject({ ...ADDRESS, addressId });
  });

  it('happy: a perk waits for the operator, who marks it done once', async () => {
    const item = await createMallItem(t, admin.token, { kind: 'perk', title: 'A call with the tea master' });
    const me = await buyerWith(100);
    const redemption = await redeemed(t, me.token, item.id);
    expect(redemption).toMatchObject({ status: 'pending', doneAt: null });

    const pending = await t.request(
      'GET',
      `/api/admin/points-mall/redemptions?status=pending&itemId=${item.id}`,
      {
        token: admin.token,
      },
    );
    expect(pending.json<{ items: AdminRedemption[] }>().items).toEqual([
      expect.objectContaining({ id: redemption.id, buyer: expect.objectContaining({ id: me.user.id }) }),
    ]);
    const done = await t.request('POST', `/api/admin/points-mall/redemptions/${redemption.id}/done`, {
      token: admin.token,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<AdminRedemption>()).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    const again = await t.request('POST', `/api/admin/points-mall/redemptions/${redemption.id}/done`, {
      token: admin.token,
    });
    expect(expectProblem(again, 409).reason).toBe('invalid_transition');
    const mine = await t.request('GET', '/api/me/points-mall/redemptions', { token: me.token });
    expect(mine.json<{ items: Redemption[] }>().items).toEqual([expect.objectContaining({ status: 'done' })]);
  });
});

describe('refusals', () => {
  it('409 mall_sold_out when none is left; nothing is spent', async () => {
    const item = await createMallItem(t, admin.token, { stock: 1 });
    const first = await buyerWith(100);
    await redeemed(t, first.token, item.id);
    const second = await buyerWith(100);
    const res = await redeem(t, second.token, item.id);
    expect(expectProblem(res, 409)).toMatchObject({ reason: 'mall_sold_out', params: { itemId: item.id } });
    expect(await balanceOf(t, second.token)).toBe(100);
    expect(await mallItem(second.token, item.id)).toMatchObject({ stock: 0, availability: 'mall_sold_out' });
  });

  it('422 not_enough_points; the unit stays and nothing is counted', async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 500, stock: 2, perPersonLimit: 1 });
    const me = await buyerWith(499);
    const res = await redeem(t, me.token, item.id);
    expect(expectProblem(res, 422)).toMatchObject({
      reason: 'not_enough_points',
      params: { balance: 499, needed: 500 },
    });
    expect(await mallItem(me.token, item.id)).toMatchObject({
      stock: 2,
      redeemedByMe: 0,
      availability: 'not_enough_points',
    });
    await givePoints(t, me.user.id, 1);
    await redeemed(t, me.token, item.id);
  });

  it('409 (sold out) when it is both sold out and too dear', async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 100, stock: 0 });
    const poor = await buyerWith(0);
    expect(expectProblem(await redeem(t, poor.token, item.id), 409).reason).toBe('mall_sold_out');
  });

  it('409 mall_limit_reached once I redeemed my share, even without the points; others still may', async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 100, stock: 10, perPersonLimit: 2 });
    const me = await buyerWith(200);
    await redeemed(t, me.token, item.id);
    await redeemed(t, me.token, item.id);
    expect(await mallItem(me.token, item.id)).toMatchObject({
      redeemedByMe: 2,
      leftForMe: 0,
      availability: 'mall_limit_reached',
    });
    const res = await redeem(t, me.token, item.id);
    expect(expectProblem(res, 409)).toMatchObject({
      reason: 'mall_limit_reached',
      params: { itemId: item.id, perPersonLimit: 2 },
    });
    const other = await buyerWith(100);
    await redeemed(t, other.token, item.id);
    expect((await mallItem(undefined, item.id)).stock).toBe(7);
  });

  it('400 for a product item without an address, or an address for another kind', async () => {
    const { variantId } = await createProduct(t, { stock: 3 });
    const product = await createMallItem(t, admin.token, { kind: 'product', variantId, costPoints: 10 });
    const perk = await createMallItem(t, admin.token, { costPoints: 10 });
    const me = await buyerWith(100);
    const without = expectProblem(await redeem(t, me.token, product.id), 400);
    expect(without.errors?.map((e) => [e.path, e.rule])).toEqual([['/address', 'required']]);
    const partial = expectProblem(await redeem(t, me.token, product.id, { address: { name: 'x' } }), 400);
    expect(partial.errors?.map((e) => e.path)).toEqual(['/address/phone', '/address/line1', '/address/city']);
    expectProblem(await redeem(t, me.token, perk.id, { address: ADDRESS }), 400);
    expect(await balanceOf(t, me.token)).toBe(100);
    expect(await stockOf(t, variantId)).toBe(3);
  });

  it('404 for an inactive or unknown item; a deactivated item leaves the mall', async () => {
    const item = await createMallItem(t, admin.token, {});
    const me = await buyerWith(1000);
    const off = await t.request('POST', `/api/admin/points-mall/items/${item.id}/deactivate`, {
      token: admin.token,
    });
    expect(off.json()).toMatchObject({ active: false });
    expectProblem(await redeem(t, me.token, item.id), 404);
    expectProblem(await t.request('GET', `/api/points-mall/${item.id}`), 404);
    expectProblem(await redeem(t, me.token, 'no-such-item'), 404);
    const list = await t.request('GET', '/api/points-mall?limit=100');
    expect(list.json<{ items: MallItem[] }>().items.map((i) => i.id)).not.toContain(item.id);
    await t.request('POST', `/api/admin/points-mall/items/${item.id}/activate`, { token: admin.token });
    await redeemed(t, me.token, item.id);
  });

  it('409 mall_item_unavailable when the coupon template is disabled; nothing is spent', async () => {
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'soon gone', kind: 'amount_off', amountOff: 100 },
    });
    const id = template.json<{ id: string }>().id;
    const item = await createMallItem(t, admin.token, { kind: 'coupon', couponTemplateId: id, stock: 3 });
    await t.request('POST', `/api/admin/coupons/${id}/disable`, { token: admin.token });
    const me = await buyerWith(100);
    expect(expectProblem(await redeem(t, me.token, item.id), 409).reason).toBe('mall_item_unavailable');
    expect(await balanceOf(t, me.token)).toBe(100);
    expect((await mallItem(me.token, item.id)).stock).toBe(3);
  });
});

describe('the mall and my redemptions', () => {
  it('lists active items, paged, with my counts when signed in and without them when not', async () => {
    const item = await createMallItem(t, admin.token, { title: 'Newest', perPersonLimit: 3 });
    const anonymous = await t.request('GET', '/api/points-mall?limit=1');
    expect(anonymous.statusCode).toBe(200);
    const page = anonymous.json<{ items: MallItem[]; nextCursor: string | null }>();
    expect(page.items).toEqual([
      expect.objectContaining({
        id: item.id,
        title: 'Newest',
        costPoints: 100,
        stock: 5,
        kind: 'perk',
        perPersonLimit: 3,
        redeemedByMe: null,
        leftForMe: null,
        availability: 'available',
      }),
    ]);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await t.request('GET', `/api/points-mall?limit=1&cursor=${page.nextCursor}`);
    expect(next.json<{ items: MallItem[] }>().items[0]?.id).not.toBe(item.id);
    const me = await buyerWith(0);
    const signedIn = await t.request('GET', '/api/points-mall?limit=1', { token: me.token });
    expect(signedIn.json<{ items: MallItem[] }>().items[0]).toMatchObject({
      redeemedByMe: 0,
      leftForMe: 3,
      availability: 'not_enough_points',
    });
  });

  it('my redemptions are mine alone: another person sees none of them', async () => {
    const item = await createMallItem(t, admin.token, {});
    const me = await buyerWith(100);
    const other = await buyerWith(0);
    const mine = await redeemed(t, me.token, item.id);
    const list = await t.request('GET', '/api/me/points-mall/redemptions', { token: me.token });
    expect(list.json<{ items: Redemption[] }>().items.map((r) => r.id)).toEqual([mine.id]);
    const theirs = await t.request('GET', '/api/me/points-mall/redemptions', { token: other.token });
    expect(theirs.json()).toEqual({ items: [], nextCursor: null });
  });
});

describe('the operator’s items', () => {
  it('creates, edits, lists and reads items', async () => {
    const item = await createMallItem(t, admin.token, { image: '/uploads/abc.webp', perPersonLimit: 1 });
    expect(item).toMatchObject({
      active: true,
      redeemed: 0,
      image: '/uploads/abc.webp',
      couponTemplateId: null,
    });
    const edited = await t.request('PATCH', `/api/admin/points-mall/items/${item.id}`, {
      token: admin.token,
      body: { title: 'A linen tea towel', stock: 9, perPersonLimit: null, image: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'A linen tea towel',
      stock: 9,
      perPersonLimit: null,
      image: null,
    });
    const read = await t.request('GET', `/api/admin/points-mall/items/${item.id}`, { token: admin.token });
    expect(read.json()).toMatchObject({ title: 'A linen tea towel' });
    const list = await t.request('GET', '/api/admin/points-mall/items', { token: admin.token });
    expect(list.json<{ items: { id: string }[] }>().items[0]?.id).toBe(item.id);
    expectProblem(
      await t.request('PATCH', '/api/admin/points-mall/items/nope', {
        token: admin.token,
        body: { stock: 1 },
      }),
      404,
    );
  });

  it('400 for costs, stock and limits out of range, and for what the kind needs', async () => {
    const post = (body: Record<string, unknown>) =>
      t.request('POST', '/api/admin/points-mall/items', {
        token: admin.token,
        body: { title: 'x', kind: 'perk', costPoints: 10, stock: 1, ...body },
      });
    const paths = async (body: Record<string, unknown>) =>
      expectProblem(await post(body), 400).errors?.map((e) => e.path);
    expect(await paths({ costPoints: 0 })).toEqual(['/costPoints']);
    expect(await paths({ stock: -1 })).toEqual(['/stock']);
    expect(await paths({ perPersonLimit: 0 })).toContain('/perPersonLimit');
    expect(await paths({ title: '  ' })).toEqual(['/title']);
    expect(await paths({ kind: 'coupon' })).toEqual(['/couponTemplateId']);
    expect(await paths({ kind: 'coupon', couponTemplateId: 'nope' })).toEqual(['/couponTemplateId']);
    expect(await paths({ kind: 'product', variantId: 'nope' })).toEqual(['/variantId']);
    expect(await paths({ kind: 'perk', variantId: 'v' })).toEqual(['/variantId']);
    expect(await paths({ surprise: true })).toEqual(['/surprise']);
  });

  it('403 for a buyer on every operator route; 401 without a token', async () => {
    const buyer = await buyerWith(0);
    const item = await createMallItem(t, admin.token, {});
    const routes = [
      ['GET', '/api/admin/points-mall/items'],
      ['POST', '/api/admin/points-mall/items'],
      ['PATCH', `/api/admin/points-mall/items/${item.id}`],
      ['POST', `/api/admin/points-mall/items/${item.id}/deactivate`],
      ['GET', '/api/admin/points-mall/redemptions'],
    ] as const;
    for (const [method, url] of routes) {
      expectProblem(
        await t.request(method, url, { token: buyer.token, body: method === 'GET' ? undefined : {} }),
        403,
      );
      expectProblem(await t.request(method, url, { body: method === 'GET' ? undefined : {} }), 401);
    }
    expectProblem(await redeem(t, '', item.id), 401);
    expectProblem(await t.request('GET', '/api/me/points-mall/redemptions'), 401);
  });
});
