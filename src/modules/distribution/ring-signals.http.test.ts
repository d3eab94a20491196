import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { FlaggedCommission } from './schemas.js';
import type { Wallet } from './wallet.js';

/**
 * Commission farming: likely rings are flagged with their evidence when a commission is earned,
 * the operator's chosen signals hold it, and the operator releases or reverses what is held.
 */
let t: TestApp;
let admin: { token: string };
let variantId: string;
let productId: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

/** The promoter's home, as they typed it for their own order. */
const HOME = {
  name: 'Li Wei',
  phone: '+86 138-0013-8000',
  line1: 'Room 5, No. 88 Jianguo Road',
  city: 'Beijing',
  postalCode: '100022',
  country: 'CN',
};
/** The same door, typed differently, under another name and phone. */
const HOME_RETYPED = {
  name: 'Zhang San',
  phone: '139 0000 0001',
  line1: 'ROOM 5  NO 88 JIANGUO ROAD.',
  city: 'ＢＥＩＪＩＮＧ',
  postalCode: '１０００２２',
  country: 'cn',
};
const elsewhere = (n: number) => ({
  name: `Customer ${n}`,
  phone: `+86 137 0000 ${String(1000 + n)}`,
  line1: `${n} Elsewhere Street`,
  city: 'Shanghai',
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  const product = await createProduct(t, { price: 10_000, stock: 10_000 });
  variantId = product.variantId;
  productId = product.product.id;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function newPromoter() {
  const promoter = await t.signUp({ name: 'Wei Li' });
  const link = await t.request('POST', '/api/share-links', { token: promoter.token, body: { productId } });
  expect(link.statusCode, link.body).toBe(201);
  return { ...promoter, shareCode: link.json<{ code: string }>().code };
}

async function place(
  person: Person,
  options: { address?: object; shareCode?: string; headers?: Record<string, string> } = {},
) {
  const placed = await t.request('POST', '/api/orders', {
    token: person.token,
    headers: options.headers,
    body: {
      items: [{ variantId, quantity: 1 }],
      ...(options.address ? { address: options.address } : {}),
      ...(options.shareCode ? { shareCode: options.shareCode } : {}),
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  return placed.json<Order>();
}

async function buy(person: Person, options: Parameters<typeof place>[1] = {}) {
  const order = await place(person, options);
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
    token: person.token,
    headers: options.headers,
  });
  expect(paid.statusCode, paid.body).toBe(200);
  return order;
}

async function flagsOfOrder(orderId: string) {
  const res = await t.request('GET', `/api/admin/commission-flags?orderId=${orderId}`, {
    token: admin.token,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: FlaggedCommission[] }>().items;
}

async function levelOne(orderId: string) {
  const found = (await flagsOfOrder(orderId)).find((c) => c.level === 1);
  if (!found) throw new Error(`no level-1 commission on ${orderId}`);
  return found;
}

const signalsOf = (c: FlaggedCommission) => c.flags.map((f) => f.signal).sort();
const walletOf = async (person: Person) =>
  (await t.request('GET', '/api/me/wallet', { token: person.token })).json<Wallet>();
const review = (id: string, body: object, token = admin.token) =>
  t.request('POST', `/api/admin/commissions/${id}/review`, { token, body });

async function completeAndWait(orderId: string) {
  expect(
    (await t.request('POST', `/api/admin/orders/${orderId}/complete`, { token: admin.token })).statusCode,
  ).toBe(200);
  await t.request('POST', '/api/test/clock', { body: { advanceMs: (t.config.returnWindowDays + 1) * DAY } });
  await t.services.distribution.settleDue();
}

async function postingsOf(kind: string, ref: string) {
  return t.db.query<{ account_code: string; amount: number }>(
    `SELECT p.account_code, p.amount FROM ledger_postings p JOIN ledger_transactions x ON x.id = p.transaction_id
     WHERE x.kind = $1 AND x.ref = $2 ORDER BY p.account_code`,
    [kind, ref],
  );
}

describe('self-referral with a second account on another network (regression)', () => {
  it('flags shared_address and holds it by default; releasing settles it', async () => {
    const promoter = await newPromoter();
    await buy(promoter, { address: HOME });
    // A second account: its own IP address (the test app gives each token one), no shared device.
    const second = await t.signUp({ name: 'Zhang San' });
    const order = await buy(second, { address: HOME_RETYPED, shareCode: promoter.shareCode });

    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: true, holdReason: 'shared_address', reviewable: true });
    expect(c.promoter.id).toBe(promoter.user.id);
    expect(signalsOf(c)).toEqual(['shared_address']);
    expect(c.flags[0]?.evidence).toMatchObject({ match: 'promoter' });
    expect(await walletOf(promoter)).toMatchObject({ pending: 0, held: c.amount, available: 0 });

    // Held commissions do not settle, however long one waits.
    await completeAndWait(order.id);
    expect((await levelOne(order.id)).status).toBe('pending');

    const released = await review(c.id, { decision: 'release', note: 'Flatmates, checked by phone' });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({
      held: false,
      reviewable: false,
      review: {
        decision: 'released',
        note: 'Flatmates, checked by phone',
        decidedBy: { name: expect.any(String) },
      },
    });
    await t.services.distribution.settleDue();
    expect(await levelOne(order.id)).toMatchObject({ status: 'settled', held: false });
    expect(await walletOf(promoter)).toMatchObject({ held: 0, available: c.amount });
  });

  it('reversing takes back exactly what it earned, as a refund does, and the buyer is not refunded', async () => {
    const promoter = await newPromoter();
    await buy(promoter, { address: HOME });
    const second = await t.signUp();
    const order = await buy(second, { address: HOME_RETYPED, shareCode: promoter.shareCode });
    const c = await levelOne(order.id);
    expect(c.held).toBe(true);

    const reversed = await review(c.id, { decision: 'reverse', note: 'Second account of the promoter' });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({
      status: 'reversed',
      held: false,
      review: { decision: 'reversed' },
    });
    const earned = await postingsOf('commission.earned', c.id);
    const taken = await postingsOf('commission.reversed', c.id);
    expect(taken).toEqual(earned.map((p) => ({ ...p, amount: -p.amount })));
    expect(await walletOf(promoter)).toMatchObject({ pending: 0, held: 0, available: 0 });
    const kept = await t.request('GET', `/api/orders/${order.id}`, { token: second.token });
    expect(kept.json<Order>().status).toBe('paid');

    // The same shape as a refund's reversal of a commission.
    const honest = await t.signUp();
    const refunded = await buy(honest, { address: elsewhere(1), shareCode: promoter.shareCode });
    const other = await levelOne(refunded.id);
    await t.request('POST', `/api/admin/orders/${refunded.id}/refund`, { token: admin.token });
    const byRefund = await postingsOf('commission.reversed', other.id);
    const earnedByRefund = await postingsOf('commission.earned', other.id);
    expect(byRefund).toEqual(earnedByRefund.map((p) => ({ ...p, amount: -p.amount })));

    // Decided once: a second decision is refused.
    const again = await review(c.id, { decision: 'release' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'commission_not_held', params: { commissionId: c.id } });
  });
});

describe('one test per signal', () => {
  it('shared_device: the buyer ordered on the promoter’s device (held by default)', async () => {
    const promoter = await newPromoter();
    const device = { cookie: 'fission_device=ring-phone-1' };
    await t.request('GET', '/api/me', { token: promoter.token, headers: device });
    const order = await buy(await t.signUp(), { shareCode: promoter.shareCode, headers: device });
    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: true, holdReason: 'shared_device' });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'shared_device',
        evidence: expect.objectContaining({ deviceId: 'ring-phone-1' }),
      }),
    ]);
  });

  it('shared_ip: on the promoter’s address within the hour (a flag only)', async () => {
    const promoter = await newPromoter();
    const ip = { 'x-forwarded-for': '203.0.113.77' };
    await t.request('GET', '/api/me', { token: promoter.token, headers: ip });
    const order = await buy(await t.signUp(), { shareCode: promoter.shareCode, headers: ip });
    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: false, holdReason: null });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'shared_ip',
        evidence: expect.objectContaining({ ip: '203.0.113.77' }),
      }),
    ]);
  });

  it('shared_address: the same door as another account that bought through the same promoter', async () => {
    const promoter = await newPromoter();
    const first = await t.signUp();
    const firstOrder = await buy(first, { address: elsewhere(7), shareCode: promoter.shareCode });
    expect(signalsOf(await levelOne(firstOrder.id))).toEqual([]);
    const second = await t.signUp();
    const order = await buy(second, {
      address: { ...elsewhere(7), name: 'Someone Else', phone: '+86 135 1111 2222' },
      shareCode: promoter.shareCode,
    });
    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: true, holdReason: 'shared_address' });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'shared_address',
        evidence: { match: 'other_account', userId: first.user.id, orderId: firstOrder.id },
      }),
    ]);
  });

  it('shared_phone: the delivery phone is the promoter’s, written another way (a flag only)', async () => {
    const promoter = await newPromoter();
    await buy(promoter, { address: HOME });
    const order = await buy(await t.signUp(), {
      address: { ...elsewhere(11), phone: '0086 13800138000' },
      shareCode: promoter.shareCode,
    });
    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: false });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'shared_phone',
        evidence: expect.objectContaining({ phoneEnding: '8000' }),
      }),
    ]);
  });

  it('payment_fingerprint: paid with the promoter’s card, as a provider reports it (a flag only)', async () => {
    const promoter = await newPromoter();
    // A provider that reports card fingerprints (the sandbox does not): its event, as the port carries it.
    const payWithCard = async (person: Person, options: Parameters<typeof place>[1], fingerprint: string) => {
      const order = await place(person, options);
      const payment = await t.services.payments.latestPaymentNow(order.id);
      await t.services.orders.confirmPayment('sandbox', {
        eventId: `evt_${order.id}`,
        type: 'payment.succeeded',
        externalId: payment?.external_id as string,
        amount: order.total,
        paymentFingerprint: fingerprint,
      });
      return order;
    };
    await payWithCard(promoter, {}, 'fp_card_4242');
    const other = await payWithCard(await t.signUp(), { shareCode: promoter.shareCode }, 'fp_card_1111');
    expect(signalsOf(await levelOne(other.id))).toEqual([]);
    const order = await payWithCard(await t.signUp(), { shareCode: promoter.shareCode }, 'fp_card_4242');
    const c = await levelOne(order.id);
    expect(c).toMatchObject({ held: false });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'payment_fingerprint',
        evidence: expect.objectContaining({ fingerprint: 'fp_card_4242' }),
      }),
    ]);
  });

  it('own_address_customers: the promoter’s customers’ orders all (3) ship to the promoter', async () => {
    const promoter = await newPromoter();
    await buy(promoter, { address: HOME });
    const orders = [];
    for (let i = 0; i < 3; i += 1) {
      orders.push(await buy(await t.signUp(), { address: HOME_RETYPED, shareCode: promoter.shareCode }));
    }
    expect(signalsOf(await levelOne(orders[1]?.id as string))).toEqual(['shared_address']);
    const third = await levelOne(orders[2]?.id as string);
    expect(signalsOf(third)).toEqual(['own_address_customers', 'shared_address']);
    expect(third.flags.find((f) => f.signal === 'own_address_customers')?.evidence).toEqual({
      orders: 3,
      customers: 3,
    });
  });

  it('single_promoter_new_accounts: a week-old account whose orders all go through one promoter', async () => {
    const promoter = await newPromoter();
    const fresh = await t.signUp();
    const first = await buy(fresh, { shareCode: promoter.shareCode });
    expect(signalsOf(await levelOne(first.id))).toEqual([]);
    const second = await buy(fresh, { shareCode: promoter.shareCode });
    const c = await levelOne(second.id);
    expect(c).toMatchObject({ held: false });
    expect(c.flags).toEqual([
      expect.objectContaining({
        signal: 'single_promoter_new_accounts',
        evidence: expect.objectContaining({ orders: 2 }),
      }),
    ]);

    // An account that also buys on its own is not one promoter's only.
    const mixed = await t.signUp();
    await buy(mixed);
    const through = await buy(mixed, { shareCode: promoter.shareCode });
    expect(signalsOf(await levelOne(through.id))).toEqual([]);
  });

  it('counts each promoter’s flags by signal on the promoters page, and lists them with evidence', async () => {
    const promoter = await newPromoter();
    await buy(promoter, { address: HOME });
    await buy(await t.signUp(), { address: HOME_RETYPED, shareCode: promoter.shareCode });
    const page = await t.request('GET', '/api/admin/promoters?limit=100', { token: admin.token });
    expect(page.json<{ items: { id: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: promoter.user.id, flags: { shared_address: 1 } }),
    );
    const listed = await t.request('GET', `/api/admin/commission-flags?promoterId=${promoter.user.id}`, {
      token: admin.token,
    });
    expect(listed.json<{ items: FlaggedCommission[] }>().items).toEqual([
      expect.objectContaining({
        promoter: { id: promoter.user.id, name: 'Wei Li' },
        holdReason: 'shared_address',
      }),
    ]);
  });
});

describe('the operator chooses which signals hold', () => {
  it('with shared_address turned off, a shared address is a flag only', async () => {
    const saved = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { holdingSignals: ['shared_phone', 'shared_device'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Listed once each, in the catalogue's order.
    expect(saved.json()).toMatchObject({ holdingSignals: ['shared_device', 'shared_phone'] });
    try {
      const promoter = await newPromoter();
      await buy(promoter, { address: HOME });
      const order = await buy(await t.signUp(), { address: HOME_RETYPED, shareCode: promoter.shareCode });
      const c = await levelOne(order.id);
      expect(c).toMatchObject({ held: false, holdReason: null, reviewable: false });
      expect(signalsOf(c)).toEqual(['shared_address']);
      const commissions = await t.request('GET', '/api/admin/commissions?signal=shared_address', {
        token: admin.token,
      });
      expect(commissions.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(c.id);
      // Not held: nothing to review.
      expect((await review(c.id, { decision: 'reverse' })).statusCode).toBe(409);
    } finally {
      await t.request('PUT', '/api/admin/distribution/settings', {
        token: admin.token,
        body: { holdingSignals: ['shared_device', 'shared_address'] },
      });
    }
  });

  it('refuses an unknown signal', async () => {
    const res = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { holdingSignals: ['shared_vibes'] },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('operator review: who may decide', () => {
  it('is the operator’s: no token 401, a buyer 403, an unknown commission 404, bad decision 400', async () => {
    const buyer = await t.signUp();
    expect(
      (await t.request('POST', '/api/admin/commissions/x/review', { body: { decision: 'release' } }))
        .statusCode,
    ).toBe(401);
    expect((await review('x', { decision: 'release' }, buyer.token)).statusCode).toBe(403);
    expect((await review('no-such-commission', { decision: 'reverse' })).statusCode).toBe(404);
    expect((await review('no-such-commission', { decision: 'refund' })).statusCode).toBe(400);
    const flags = await t.request('GET', '/api/admin/commission-flags', { token: buyer.token });
    expect(flags.statusCode).toBe(403);
  });
});

describe('privacy of the promoter centre (regression)', () => {
  it('a promoter sees a buyer’s masked name and initial, never their id; the buyer sees the promoter’s name only', async () => {
    const promoter = await newPromoter();
    const buyer = await t.signUp({ name: 'Chen Jie' });
    const order = await buy(buyer, { shareCode: promoter.shareCode });
    const mine = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    const item = mine
      .json<{ items: { orderId: string; buyer: object }[] }>()
      .items.find((c) => c.orderId === order.id);
    expect(item?.buyer).toEqual({ name: 'Chen J.', initial: 'C' });
    expect(mine.body).not.toContain(buyer.user.id);
    expect(mine.body).not.toContain('Chen Jie');

    const binding = await t.request('GET', '/api/me/binding', { token: buyer.token });
    expect(binding.json()).toMatchObject({ promoter: { name: 'Wei Li' } });
    expect(binding.json<{ promoter: object }>().promoter).toEqual({ name: 'Wei Li' });
    expect(binding.body).not.toContain(promoter.user.id);
  });
});
