import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { maskName } from '../../platform/privacy.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { Wallet } from './wallet.js';

/**
 * The distribution flow end to end: a three-person invitation chain, a shopkeeper's store that
 * brings a buyer, commissions by level, settlement after the return window, withdrawal, refunds.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let grand: Person;
let parent: Person;
let promoter: Person;
const DAY = 86_400_000;

beforeAll(async () => {
  // UTC+14: the shop's calendar day differs from UTC's for most of the day, as the chart must show.
  t = await createTestApp({ TIME_ZONE: 'Pacific/Kiritimati' });
  admin = await t.signInAdmin();
  grand = await t.signUp({ name: 'Grand' });
  parent = await t.signUp({ name: 'Parent', inviteCode: grand.user.inviteCode });
  promoter = await t.signUp({ name: 'Promoter', inviteCode: parent.user.inviteCode });
  expect((await t.request('POST', '/api/shopkeepers', { token: promoter.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', {
    token: promoter.token,
    body: { name: 'Tea corner', slug: 'tea-corner' },
  });
  expect(store.statusCode).toBe(201);
  await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin.token,
    body: { minWithdrawal: 100 },
  });
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

async function buy(
  buyer: Person,
  options: { price?: number; storeSlug?: string; headers?: Record<string, string> } = {},
) {
  const { variantId } = await createProduct(t, { price: options.price ?? 10_000, stock: 100 });
  const body = {
    items: [{ variantId, quantity: 1 }],
    ...(options.storeSlug ? { storeSlug: options.storeSlug } : {}),
  };
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body,
    headers: options.headers,
  });
  expect(placed.statusCode).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
    token: buyer.token,
    headers: options.headers,
  });
  expect(paid.statusCode).toBe(200);
  return { order, variantId };
}

const commissionsOf = async (person: Person, query = '') =>
  (await t.request('GET', `/api/me/commissions${query}`, { token: person.token })).json<{
    items: Commission[];
  }>().items;
const walletOf = async (person: Person) =>
  (await t.request('GET', '/api/me/wallet', { token: person.token })).json<Wallet>();
const savePayoutDetails = async (person: Person) => {
  const saved = await t.request('PUT', '/api/me/payout-details', {
    token: person.token,
    body: { method: 'alipay', holderName: person.user.name, account: '13800138000' },
  });
  expect(saved.statusCode).toBe(200);
};
const advanceDays = (days: number) =>
  t.request('POST', '/api/test/clock', { body: { advanceMs: days * DAY } });

describe('earning', () => {
  it('pays level 1 and level 2 on a store sale, and nothing beyond the configured depth', async () => {
    const buyer = await t.signUp();
    const { order } = await buy(buyer, { storeSlug: 'tea-corner' });
    const mine = await commissionsOf(promoter);
    expect(mine.find((c) => c.orderId === order.id)).toMatchObject({
      level: 1,
      amount: 1000,
      status: 'pending',
      held: false,
    });
    expect((await commissionsOf(parent)).find((c) => c.orderId === order.id)).toMatchObject({
      level: 2,
      amount: 500,
    });
    expect((await commissionsOf(grand)).some((c) => c.orderId === order.id)).toBe(false);
    expect(await walletOf(promoter)).toMatchObject({ pending: 1000, available: 0, withdrawn: 0 });
  });

  it('binds the buyer to the shopkeeper, so later orders earn for them too', async () => {
    const buyer = await t.signUp();
    await buy(buyer, { storeSlug: 'tea-corner' });
    const binding = (await t.request('GET', '/api/me/binding', { token: buyer.token })).json();
    expect(binding).toMatchObject({
      promoter: { name: promoter.user.name },
      origin: { type: 'store', ref: 'tea-corner' },
    });
    const { order } = await buy(buyer);
    expect((await commissionsOf(promoter)).some((c) => c.orderId === order.id && c.level === 1)).toBe(true);
    const customers = (await t.request('GET', '/api/me/customers', { token: promoter.token })).json<{
      items: { name: string; orders: number }[];
    }>();
    expect(customers.items.find((c) => c.name === maskName(buyer.user.name))?.orders).toBe(2);
  });

  it('sums the day’s earnings for the chart, in minor units under `amount`', async () => {
    const earnings = await t.request('GET', '/api/me/earnings?days=30', { token: promoter.token });
    const items = earnings.json<{ items: { day: string; amount: number }[] }>().items;
    const pending = (await commissionsOf(promoter)).reduce((sum, c) => sum + c.amount, 0);
    expect(items).toHaveLength(1);
    // The calendar day of the shop's time zone, not UTC's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.timeZone }).format(t.clock.now());
    expect(items[0]).toEqual({ day: today, amount: pending });
  });

  it('pays nothing on the promoter’s own purchase', async () => {
    const { order } = await buy(promoter, { storeSlug: 'tea-corner' });
    expect((await commissionsOf(promoter)).some((c) => c.orderId === order.id)).toBe(false);
    expect((await commissionsOf(parent)).some((c) => c.orderId === order.id)).toBe(false);
  });

  it('pays nothing for a sign-up alone', async () => {
    const before = await walletOf(grand);
    await t.signUp({ inviteCode: grand.user.inviteCode });
    expect(await walletOf(grand)).toEqual(before);
  });

  it('holds for review a commission whose buyer used the promoter’s own device', async () => {
    const device = { cookie: 'fission_device=shared-phone' };
    await t.request('GET', '/api/me', { token: promoter.token, headers: device });
    const buyer = await t.signUp();
    const { order } = await buy(buyer, { storeSlug: 'tea-corner', headers: device });
    const held = (await commissionsOf(promoter)).find((c) => c.orderId === order.id);
    expect(held).toMatchObject({ held: true, holdReason: 'shared_device' });
    const flagged = await t.request('GET', '/api/admin/promoters?flagged=true', { token: admin.token });
    expect(flagged.json<{ items: { id: string; held: number }[] }>().items).toContainEqual(
      expect.objectContaining({ id: promoter.user.id, held: 1 }),
    );
    const released = await t.request('POST', `/api/admin/commissions/${held?.id}/release`, {
      token: admin.token,
    });
    expect(released.json()).toEqual({ released: true });
  });
});

describe('self-dealing windows', () => {
  it('holds on a shared device for a day, and records a shared address only as a signal', async () => {
    const address = { 'x-forwarded-for': '198.51.100.7' };
    await t.request('GET', '/api/me', {
      token: promoter.token,
      headers: { ...address, cookie: 'fission_device=promoter-laptop-1' },
    });
    // Regression: one Wi-Fi, office or NAT shares an address; this sale used to be held for good.
    const sameHour = await buy(await t.signUp(), { storeSlug: 'tea-corner', headers: address });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * 3_600_000 } });
    const neighbour = await t.signUp();
    const viaAddress = await buy(neighbour, { storeSlug: 'tea-corner', headers: address });
    const borrower = await t.signUp();
    const viaDevice = await buy(borrower, {
      storeSlug: 'tea-corner',
      headers: { cookie: 'fission_device=promoter-laptop-1' },
    });
    const mine = await commissionsOf(promoter);
    expect(mine.find((c) => c.orderId === sameHour.order.id)).toMatchObject({
      held: false,
      holdReason: null,
    });
    expect(mine.find((c) => c.orderId === viaAddress.order.id)).toMatchObject({ held: false });
    // The signal is the operator's: the promoter's own list does not carry it.
    expect(mine.some((c) => 'signals' in c)).toBe(false);
    expect(mine.find((c) => c.orderId === viaDevice.order.id)).toMatchObject({
      held: true,
      holdReason: 'shared_device',
    });
    const signalled = await t.request('GET', '/api/admin/commissions?signal=shared_ip', {
      token: admin.token,
    });
    expect(signalled.json<{ items: Commission[] }>().items.map((c) => c.orderId)).toEqual([
      sameHour.order.id,
    ]);
    const promoters = await t.request('GET', '/api/admin/promoters', { token: admin.token });
    // The borrower's second order through the same store also raises single_promoter_new_accounts.
    expect(promoters.json<{ items: { id: string; signals: number }[] }>().items).toContainEqual(
      expect.objectContaining({
        id: promoter.user.id,
        flags: expect.objectContaining({ shared_ip: 1 }),
      }),
    );
  });
});

describe('settlement, withdrawal and refunds', () => {
  it('settles after completion plus the return window, and a refund takes it back even then', async () => {
    const buyer = await t.signUp();
    const { order } = await buy(buyer, { storeSlug: 'tea-corner', price: 20_000 });
    const before = await walletOf(promoter);
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    await advanceDays(6);
    expect((await commissionsOf(promoter)).find((c) => c.orderId === order.id)?.status).toBe('pending');
    await advanceDays(2);
    expect((await commissionsOf(promoter)).find((c) => c.orderId === order.id)?.status).toBe('settled');
    const settled = await walletOf(promoter);
    expect(settled).toMatchObject({ available: before.available + 2000, pending: before.pending - 2000 });

    const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refund.statusCode).toBe(200);
    const reversed = (await commissionsOf(promoter)).find((c) => c.orderId === order.id);
    expect(reversed?.status).toBe('reversed');
    const after = await walletOf(promoter);
    expect(after.available).toBe(settled.available - 2000);
    expect(after.pending).toBe(settled.pending);
  });

  it('reverses pending commissions exactly when an unsettled order is refunded', async () => {
    const buyer = await t.signUp();
    const before = await walletOf(parent);
    const { order, variantId } = await buy(buyer, { storeSlug: 'tea-corner', price: 3_333 });
    expect((await walletOf(parent)).pending).toBe((before.pending as number) + 166);
    await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(await walletOf(parent)).toEqual(before);
    expect(await stockOf(t, variantId)).toBe(100);
  });

  it('withdraws: reserves at once, refuses more than available, and an admin pays or rejects', async () => {
    const seller = await t.signUp({ name: 'Seller' });
    await t.request('POST', '/api/shopkeepers', { token: seller.token });
    await t.request('POST', '/api/stores', {
      token: seller.token,
      body: { name: 'Snacks', slug: 'snack-shop' },
    });
    const buyer = await t.signUp();
    const { order } = await buy(buyer, { storeSlug: 'snack-shop', price: 50_000 });
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    await advanceDays(8);
    expect(await walletOf(seller)).toMatchObject({ available: 5000, pending: 0 });
    await savePayoutDetails(seller);

    const tooMuch = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: 5001 },
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      reason: 'withdrawal_above_balance',
      params: { amount: 5001, balanceAmount: 5000 },
    });
    const tooLittle = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: 99 },
    });
    expect(tooLittle.statusCode).toBe(422);
    expect(tooLittle.json()).toMatchObject({
      reason: 'below_min_withdrawal',
      params: { amount: 99, minWithdrawalAmount: 100 },
    });

    const key = { 'idempotency-key': 'withdraw-1' };
    const first = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: 3000 },
      headers: key,
    });
    const again = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: 3000 },
      headers: key,
    });
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ amount: 3000, status: 'requested' });
    expect(await walletOf(seller)).toMatchObject({ available: 2000, reserved: 3000 });

    const second = await t.request('POST', '/api/me/withdrawals', {
      token: seller.token,
      body: { amount: 2000 },
    });
    const id1 = first.json<{ id: string }>().id;
    const id2 = second.json<{ id: string }>().id;
    expect(
      (await t.request('POST', `/api/admin/withdrawals/${id1}/approve`, { token: seller.token, body: {} }))
        .statusCode,
    ).toBe(403);
    const paid = await t.request('POST', `/api/admin/withdrawals/${id1}/approve`, {
      token: admin.token,
      body: { note: 'bank ref 42' },
    });
    expect(paid.json()).toMatchObject({ status: 'paid', note: 'bank ref 42' });
    const rejected = await t.request('POST', `/api/admin/withdrawals/${id2}/reject`, {
      token: admin.token,
      body: {},
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    const twice = await t.request('POST', `/api/admin/withdrawals/${id2}/approve`, {
      token: admin.token,
      body: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      reason: 'invalid_transition',
      params: { machine: 'withdrawal', from: 'rejected', to: 'paid' },
    });
    expect(await walletOf(seller)).toMatchObject({ available: 2000, reserved: 0, withdrawn: 3000 });
  });

  it(`lets concurrent withdrawals spend the balance only once ${RACE}`, async () => {
    const seller = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token: seller.token });
    await t.request('POST', '/api/stores', {
      token: seller.token,
      body: { name: 'Race', slug: 'race-shop' },
    });
    const { order } = await buy(await t.signUp(), { storeSlug: 'race-shop', price: 10_000 });
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    await advanceDays(8);
    await savePayoutDetails(seller);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request('POST', '/api/me/withdrawals', { token: seller.token, body: { amount: 400 } }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(4);
    expect(await walletOf(seller)).toMatchObject({ available: 200, reserved: 800 });
  });
});

describe('privacy and settings', () => {
  it('shows each person only their own commissions, wallet and withdrawals', async () => {
    const stranger = await t.signUp();
    expect(await commissionsOf(stranger)).toEqual([]);
    expect(await walletOf(stranger)).toEqual({
      pending: 0,
      held: 0,
      available: 0,
      reserved: 0,
      withdrawn: 0,
    });
    const list = await t.request('GET', '/api/me/withdrawals', { token: stranger.token });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await t.request('GET', '/api/me/wallet')).statusCode).toBe(401);
    expect((await t.request('GET', '/api/admin/withdrawals', { token: stranger.token })).statusCode).toBe(
      403,
    );
  });

  it('lets the operator change depth and rates, reflected in /api/config; bad rates are 400', async () => {
    const bad = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { maxLevels: 3, ratesBps: [1000] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      errors: [{ path: '/ratesBps', rule: 'ratesPerLevel', params: { levels: 3 } }],
    });
    const four = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { maxLevels: 4 },
    });
    expect(four.statusCode).toBe(400);
    // Above the hard cap of three levels.
    expect(four.json()).toMatchObject({ errors: [{ path: '/maxLevels', rule: 'maximum' }] });
    const ok = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { maxLevels: 3, ratesBps: [800, 400, 100] },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request('GET', '/api/config')).json()).toMatchObject({
      distribution: { maxLevels: 3, rates: [800, 400, 100] },
    });
    const buyer = await t.signUp();
    const { order } = await buy(buyer, { storeSlug: 'tea-corner' });
    expect((await commissionsOf(grand)).find((c) => c.orderId === order.id)).toMatchObject({
      level: 3,
      amount: 100,
    });
    await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { maxLevels: 2, ratesBps: [1000, 500] },
    });
  });

  it('shows my team: whom I invited and what they sold', async () => {
    const team = (await t.request('GET', '/api/me/team', { token: parent.token })).json<{
      items: { name: string; sales: number }[];
    }>();
    expect(team.items).toEqual([expect.objectContaining({ name: 'P.' })]);
    expect(team.items[0]!.sales).toBeGreaterThan(0);
  });
});
