import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AfterSale } from '../aftersales/service.js';
import type { Order } from '../orders/present.js';
import type { ProductShipping, Quote, Template } from './service.js';

let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let buyer: Person;
let promoter: Person;

/** ¥8 flat, ¥20 to remote provinces, free from ¥99: the demo's template. */
const STANDARD = {
  name: 'Standard',
  basis: 'flat',
  freeOverAmount: 9900,
  defaultRule: { first: 1, firstFee: 800, extra: 1, extraFee: 0 },
  regionRules: [{ provinces: ['新疆', '西藏', 'Qinghai'], first: 1, firstFee: 2000, extra: 1, extraFee: 0 }],
};

const ADDRESS = { name: 'Chen Jie', phone: '13800000000', line1: '1 West Lake Rd', city: 'Hangzhou' };

async function newTemplate(body: Record<string, unknown> = STANDARD): Promise<Template> {
  const res = await t.request('POST', '/api/admin/shipping-templates', { token: admin.token, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Template>();
}

async function assign(productId: string, templateId: string | null, weights?: unknown[]) {
  const res = await t.request('PUT', `/api/admin/products/${productId}/shipping`, {
    token: admin.token,
    body: { templateId, ...(weights ? { weights } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProductShipping>();
}

/** A product shipping under `templateId`, priced `price`. */
async function shippedProduct(templateId: string | null, price = 4500) {
  const { product, variantId } = await createProduct(t, { price, stock: 50 });
  if (templateId) await assign(product.id, templateId);
  return { productId: product.id, variantId };
}

async function place(person: Person, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/orders', { token: person.token, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Order>();
}

async function pay(person: Person, order: Order) {
  const res = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Order>();
}

async function quote(person: Person, items: string, extra = '') {
  const res = await t.request('GET', `/api/me/shipping-quote?items=${encodeURIComponent(items)}${extra}`, {
    token: person.token,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Quote>();
}

const balanceOf = (code: string) => t.services.ledger.balance(t.db, code);

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
  buyer = await t.signUp();
  promoter = await t.signUp();
  await t.request('POST', '/api/shopkeepers', { token: promoter.token });
  const store = await t.request('POST', '/api/stores', {
    token: promoter.token,
    body: { name: 'Shipping corner', slug: 'ship-corner' },
  });
  expect(store.statusCode).toBe(201);
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

describe('templates (admin)', () => {
  it('creates, reads, lists, replaces and deletes a template; one in use cannot go', async () => {
    const created = await newTemplate();
    expect(created).toMatchObject({ ...STANDARD, isDefault: false, productCount: 0 });
    expect(
      (await t.request('GET', `/api/admin/shipping-templates/${created.id}`, { token: admin.token })).json(),
    ).toMatchObject({ id: created.id, name: 'Standard' });
    const listed = await t.request('GET', '/api/admin/shipping-templates?limit=100', { token: admin.token });
    expect(listed.json<{ items: Template[] }>().items.map((i) => i.id)).toContain(created.id);

    const replaced = await t.request('PUT', `/api/admin/shipping-templates/${created.id}`, {
      token: admin.token,
      body: { ...STANDARD, name: 'Standard (per item)', basis: 'count', freeOverAmount: null },
    });
    expect(replaced.json()).toMatchObject({
      name: 'Standard (per item)',
      basis: 'count',
      freeOverAmount: null,
    });

    const { productId } = await shippedProduct(created.id);
    const inUse = await t.request('DELETE', `/api/admin/shipping-templates/${created.id}`, {
      token: admin.token,
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ reason: 'shipping_template_in_use', params: { products: 1 } });
    await assign(productId, null);
    const gone = await t.request('DELETE', `/api/admin/shipping-templates/${created.id}`, {
      token: admin.token,
    });
    expect(gone.statusCode).toBe(204);
    expect(
      (await t.request('GET', `/api/admin/shipping-templates/${created.id}`, { token: admin.token }))
        .statusCode,
    ).toBe(404);

    // Each change is in the audit log: created, the terms that changed, deleted.
    const log = await t.request(
      'GET',
      `/api/admin/audit?targetType=shipping_template&targetId=${created.id}`,
      {
        token: admin.token,
      },
    );
    const entries = log.json<{ items: { action: string; before: unknown; after: unknown }[] }>().items;
    expect(entries.map((e) => e.action)).toEqual([
      'shipping_template.delete',
      'shipping_template.update',
      'shipping_template.create',
    ]);
    expect(entries[1]).toMatchObject({
      before: { basis: 'flat', name: 'Standard' },
      after: { basis: 'count', name: 'Standard (per item)', freeOverAmount: null },
    });
  });

  it('refuses a product’s unknown template, a variant of another product, and an unknown product', async () => {
    const { productId } = await shippedProduct(null);
    const other = await createProduct(t);
    const put = (id: string, body: unknown) =>
      t.request('PUT', `/api/admin/products/${id}/shipping`, { token: admin.token, body });
    expect((await put(productId, { templateId: 'nope' })).statusCode).toBe(400);
    const template = await newTemplate();
    const foreign = await put(productId, {
      templateId: template.id,
      weights: [{ variantId: other.variantId, grams: 5 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect((await put('no-such-product', { templateId: null })).statusCode).toBe(404);
    expect(
      (await t.request('GET', `/api/admin/products/${productId}/shipping`, { token: buyer.token }))
        .statusCode,
    ).toBe(403);
  });

  it('one default template at most: products without their own ship under it', async () => {
    const first = await newTemplate({ ...STANDARD, name: 'Default A', isDefault: true });
    const second = await newTemplate({ ...STANDARD, name: 'Default B', isDefault: true });
    expect(
      (await t.request('GET', `/api/admin/shipping-templates/${first.id}`, { token: admin.token })).json(),
    ).toMatchObject({ isDefault: false });
    const { productId, variantId } = await shippedProduct(null);
    const shipping = await t.request('GET', `/api/admin/products/${productId}/shipping`, {
      token: admin.token,
    });
    expect(shipping.json()).toMatchObject({ templateId: null, effectiveTemplateId: second.id });
    expect((await quote(buyer, `${variantId}:1`)).fee).toBe(800);
    // The default cannot be deleted while it is the default: every product without its own would ship free.
    const deleting = await t.request('DELETE', `/api/admin/shipping-templates/${second.id}`, {
      token: admin.token,
    });
    expect(deleting.statusCode).toBe(409);
    expect(deleting.json()).toMatchObject({ reason: 'shipping_template_default' });
    expect((await quote(buyer, `${variantId}:1`)).fee).toBe(800);
    // Back to no default, so the other tests' products ship free unless they name a template.
    await t.request('PUT', `/api/admin/shipping-templates/${second.id}`, {
      token: admin.token,
      body: { ...STANDARD, name: 'Default B', isDefault: false },
    });
    expect((await quote(buyer, `${variantId}:1`)).fee).toBe(0);
  });
});

describe('checkout', () => {
  let standard: Template;
  beforeAll(async () => {
    standard = await newTemplate();
  });

  it('the fee is quoted before paying, charged in the total, shown on the order and booked apart', async () => {
    const { variantId } = await shippedProduct(standard.id, 4500);
    const quoted = await quote(buyer, `${variantId}:1`, '&province=浙江省');
    expect(quoted).toMatchObject({
      fee: 800,
      waiver: null,
      parts: [{ goodsAmount: 4500, amountToFree: 5400 }],
    });
    const shippingBefore = await balanceOf('platform:shipping-revenue');
    const salesBefore = await balanceOf('platform:sales');

    const order = await place(buyer, {
      items: [{ variantId, quantity: 1 }],
      address: { ...ADDRESS, province: '浙江省' },
    });
    expect(order).toMatchObject({ subtotal: 4500, discount: 0, shippingFee: 800, total: 5300 });
    expect(order.payment?.amount).toBe(5300);
    const paid = await pay(buyer, order);
    expect(paid.shippingFee).toBe(800);
    expect((await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })).json()).toMatchObject({
      shippingFee: 800,
      shippingRefunded: 0,
    });
    expect(await balanceOf('platform:shipping-revenue')).toBe(shippingBefore - 800);
    expect(await balanceOf('platform:sales')).toBe(salesBefore - 4500);
  });

  it('remote provinces pay more; goods of ¥99 or more ship free; lines of one template count together', async () => {
    const tea = await shippedProduct(standard.id, 4500);
    const nuts = await shippedProduct(standard.id, 5400);
    expect((await quote(buyer, `${tea.variantId}:1`, '&province=新疆维吾尔自治区')).fee).toBe(2000);
    const remote = await place(buyer, {
      items: [{ variantId: tea.variantId, quantity: 1 }],
      address: { ...ADDRESS, city: 'Urumqi', province: '新疆维吾尔自治区' },
    });
    expect(remote).toMatchObject({ shippingFee: 2000, total: 6500 });

    const together = `${tea.variantId}:1,${nuts.variantId}:1`;
    expect(await quote(buyer, together, '&province=新疆')).toMatchObject({ fee: 0 });
    const free = await place(buyer, {
      items: [
        { variantId: tea.variantId, quantity: 1 },
        { variantId: nuts.variantId, quantity: 1 },
      ],
      address: { ...ADDRESS, province: '新疆' },
    });
    expect(free).toMatchObject({ subtotal: 9900, shippingFee: 0, total: 9900 });
  });

  it('per item and per weight templates charge by count and by grams', async () => {
    const perItem = await newTemplate({
      name: 'Per item',
      basis: 'count',
      defaultRule: { first: 1, firstFee: 500, extra: 1, extraFee: 200 },
    });
    const byWeight = await newTemplate({
      name: 'By weight',
      basis: 'weight',
      defaultRule: { first: 1000, firstFee: 1000, extra: 500, extraFee: 300 },
    });
    const cups = await shippedProduct(perItem.id, 1000);
    const { product, variantId: kettle } = await createProduct(t, { price: 2000, stock: 10 });
    const set = await assign(product.id, byWeight.id, [{ variantId: kettle, grams: 800 }]);
    expect(set.weights).toEqual([{ variantId: kettle, grams: 800 }]);
    expect((await quote(buyer, `${cups.variantId}:3`)).fee).toBe(900);
    // 2 × 800 g = 1,600 g: the first kilo, then two steps of 500 g.
    expect((await quote(buyer, `${kettle}:2`)).fee).toBe(1600);
    const order = await place(buyer, {
      items: [
        { variantId: cups.variantId, quantity: 3 },
        { variantId: kettle, quantity: 2 },
      ],
    });
    expect(order).toMatchObject({ subtotal: 7000, shippingFee: 2500, total: 9500 });
  });

  it('a coupon’s minimum spend counts goods, not shipping; its discount never touches the fee', async () => {
    const { variantId } = await shippedProduct(standard.id, 4900);
    const created = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: '10 off 50', kind: 'amount_off', amountOff: 1000, minSpend: 5000 },
    });
    const template = created.json<{ id: string }>();
    const couponId = (
      await t.request('POST', `/api/coupons/${template.id}/claim`, { token: buyer.token })
    ).json<{
      id: string;
    }>().id;
    // 49 of goods + 8 of shipping = 57 to pay, still under the coupon's 50 of goods.
    const refused = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], couponId },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'coupon_min_spend', params: { subtotal: 4900 } });
    // 98 of goods (under the free-shipping 99): the coupon takes 10 off the goods, the fee stays 8.
    const used = await place(buyer, { items: [{ variantId, quantity: 2 }], couponId });
    expect(used).toMatchObject({ subtotal: 9800, discount: 1000, shippingFee: 800, total: 9600 });
  });

  it('a commission is earned on the goods, not on the shipping fee', async () => {
    const { variantId } = await shippedProduct(standard.id, 5000);
    const order = await pay(
      buyer,
      await place(buyer, { items: [{ variantId, quantity: 1 }], storeSlug: 'ship-corner' }),
    );
    expect(order).toMatchObject({ shippingFee: 800, total: 5800 });
    const rows = await t.db.query<{ base_amount: number; amount: number }>(
      'SELECT base_amount, amount FROM commissions WHERE order_id = $1 AND level = 1',
      [order.id],
    );
    // 10% of the 50 of goods; on the 58 paid it would be 580.
    expect(rows).toEqual([{ base_amount: 5000, amount: 500 }]);
  });

  it('a member whose level ships free pays no shipping', async () => {
    const { variantId } = await shippedProduct(standard.id, 4500);
    const level = (rank: number, freeShipping: boolean) =>
      t.request('PUT', `/api/admin/levels/${rank}`, {
        token: admin.token,
        body: {
          name: 'Member',
          threshold: 0,
          discountBps: 0,
          commissionMultiplierBps: 10_000,
          freeShipping,
          monthlyCouponTemplateId: null,
        },
      });
    expect((await level(1, true)).statusCode).toBe(200);
    try {
      expect(await quote(buyer, `${variantId}:1`)).toMatchObject({ fee: 0, waiver: 'member' });
      expect(await place(buyer, { items: [{ variantId, quantity: 1 }] })).toMatchObject({
        shippingFee: 0,
        total: 4500,
      });
    } finally {
      expect((await level(1, false)).statusCode).toBe(200);
    }
  });

  it('a group buy ships free unless its campaign says otherwise', async () => {
    const { variantId } = await shippedProduct(standard.id, 4500);
    const campaign = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/admin/group-buys', {
        token: admin.token,
        body: { variantId, groupSize: 2, price: 3900, durationMinutes: 60, ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; freeShipping: boolean }>();
    };
    const free = await campaign({});
    expect(free.freeShipping).toBe(true);
    expect(await quote(buyer, `${variantId}:1`, `&campaignId=${free.id}`)).toMatchObject({
      fee: 0,
      waiver: 'group_buy',
    });
    const groupOrder = await place(buyer, {
      items: [{ variantId, quantity: 1 }],
      groupBuy: { campaignId: free.id },
    });
    expect(groupOrder).toMatchObject({ shippingFee: 0, total: 3900 });

    const paying = await campaign({ freeShipping: false });
    expect((await quote(buyer, `${variantId}:1`, `&campaignId=${paying.id}`)).fee).toBe(800);
    const other = await t.signUp();
    const paidGroup = await place(other, {
      items: [{ variantId, quantity: 1 }],
      groupBuy: { campaignId: paying.id },
    });
    expect(paidGroup).toMatchObject({ shippingFee: 800, total: 4700 });
  });
});

describe('refunds', () => {
  let standard: Template;
  beforeAll(async () => {
    standard = await newTemplate();
  });

  /** A paid order of 2 × 30 of goods + 8 shipping = 68, through the promoter's store. */
  async function paidOrder() {
    const { variantId } = await shippedProduct(standard.id, 3000);
    const order = await pay(
      buyer,
      await place(buyer, { items: [{ variantId, quantity: 2 }], storeSlug: 'ship-corner' }),
    );
    expect(order).toMatchObject({ subtotal: 6000, shippingFee: 800, total: 6800 });
    return order;
  }

  const ship = (order: Order) =>
    t.request('POST', `/api/admin/orders/${order.id}/ship`, {
      token: admin.token,
      body: { carrier: 'SF Express', trackingNumber: `SF${order.id.slice(0, 8)}` },
    });

  async function afterSale(order: Order, body: Record<string, unknown>) {
    const res = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: { reason: 'changed my mind', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AfterSale>();
  }

  async function approve(id: string, body: Record<string, unknown> = {}) {
    const res = await t.request('POST', `/api/admin/after-sales/${id}/approve`, { token: admin.token, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AfterSale>();
  }

  const orderNow = async (order: Order) =>
    (await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })).json<Order>();

  const commissionOf = async (order: Order) =>
    (
      await t.db.query<{ amount: number; status: string }>(
        'SELECT amount, status FROM commissions WHERE order_id = $1 AND level = 1',
        [order.id],
      )
    )[0];

  it('a full refund before shipping refunds the fee, booked back from shipping revenue', async () => {
    const order = await paidOrder();
    const shippingRefundsBefore = await balanceOf('platform:shipping-refunds');
    const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(res.json()).toMatchObject({ status: 'refunded', refundedAmount: 6800, shippingRefunded: 800 });
    expect(await balanceOf('platform:shipping-refunds')).toBe(shippingRefundsBefore + 800);
    expect(await commissionOf(order)).toMatchObject({ status: 'reversed' });
  });

  it('before shipping: a partial refund is goods only, the refund of the last units takes the fee', async () => {
    const order = await paidOrder();
    const itemId = order.items[0]?.id as string;
    const first = await afterSale(order, { type: 'refund', items: [{ orderItemId: itemId, quantity: 1 }] });
    expect(first).toMatchObject({ amount: 3000, shippingRefunded: 0 });
    await approve(first.id);
    expect(await orderNow(order)).toMatchObject({
      status: 'paid',
      refundedAmount: 3000,
      shippingRefunded: 0,
    });
    // The commission shrinks on goods: half the goods are refunded, so half of it is left.
    expect(await commissionOf(order)).toMatchObject({ amount: 300, status: 'pending' });

    const last = await afterSale(order, { type: 'refund' });
    expect(last).toMatchObject({ amount: 3800, shippingRefunded: 800 });
    await approve(last.id);
    expect(await orderNow(order)).toMatchObject({
      status: 'refunded',
      refundedAmount: 6800,
      shippingRefunded: 800,
    });
  });

  it('after shipping: a return refunds goods only, and the order is refunded once every unit is', async () => {
    const order = await paidOrder();
    expect((await ship(order)).statusCode).toBe(200);
    const request = await afterSale(order, { type: 'return' });
    expect(request).toMatchObject({ amount: 6000, shippingRefunded: 0 });
    const approved = await approve(request.id);
    expect(approved).toMatchObject({ status: 'refunded', amount: 6000, shippingRefunded: 0 });
    expect(await orderNow(order)).toMatchObject({
      status: 'refunded',
      refundedAmount: 6000,
      shippingRefunded: 0,
    });
    expect(await commissionOf(order)).toMatchObject({ status: 'reversed' });
  });

  it('after shipping: the operator may include the fee in a return, shown on the request', async () => {
    const order = await paidOrder();
    expect((await ship(order)).statusCode).toBe(200);
    const itemId = order.items[0]?.id as string;
    const request = await afterSale(order, { type: 'return', items: [{ orderItemId: itemId, quantity: 1 }] });
    const approved = await approve(request.id, { includeShipping: true, note: 'arrived damaged' });
    expect(approved).toMatchObject({ amount: 3800, shippingRefunded: 800 });
    expect(await orderNow(order)).toMatchObject({
      status: 'shipped',
      refundedAmount: 3800,
      shippingRefunded: 800,
    });
    // Half the goods are still the buyer's: the commission keeps half.
    expect(await commissionOf(order)).toMatchObject({ amount: 300 });
    const mine = await t.request('GET', '/api/me/after-sales', { token: buyer.token });
    expect(mine.json<{ items: AfterSale[] }>().items.find((a) => a.id === request.id)).toMatchObject({
      shippingRefunded: 800,
    });
    // The fee goes back once: a second return with the fee included adds none.
    const rest = await afterSale(order, { type: 'return' });
    const second = await approve(rest.id, { includeShipping: true });
    expect(second).toMatchObject({ amount: 3000, shippingRefunded: 0 });
    expect(await orderNow(order)).toMatchObject({
      status: 'refunded',
      refundedAmount: 6800,
      shippingRefunded: 800,
    });
  });
});
