import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { Wallet, Withdrawal } from './wallet.js';

/**
 * Payouts: where a promoter's money goes, withdrawals that carry it, the operator's payout view and
 * CSV export, approvals refused when the balance no longer covers them, and the events of each step.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const events: { name: string; payload: unknown }[] = [];

beforeAll(async () => {
  // Commissions settle as soon as the order completes; `settleDue` runs the job's pass.
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
  for (const name of ['commission.earned', 'commission.settled', 'withdrawal.decided'] as const) {
    t.services.events.subscribe(name, async (_tx, payload) => {
      events.push({ name, payload });
    });
  }
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

let shops = 0;
/** A shopkeeper with a store of their own. */
async function promoter(): Promise<Person & { slug: string }> {
  const person = await t.signUp({ name: 'Chen Jie' });
  shops += 1;
  const slug = `payout-shop-${shops}`;
  expect((await t.request('POST', '/api/shopkeepers', { token: person.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', { token: person.token, body: { name: slug, slug } });
  expect(store.statusCode).toBe(201);
  return { ...person, slug };
}

/** A sale through the promoter's store: 10% of `price` is earned; `settle` completes and settles it. */
async function sale(seller: { slug: string }, price: number, options: { settle?: boolean } = {}) {
  const buyer = await t.signUp();
  const { variantId } = await createProduct(t, { price, stock: 10 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: seller.slug },
  });
  const order = placed.json<Order>();
  expect(
    (await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token })).statusCode,
  ).toBe(200);
  if (options.settle !== false) {
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    await t.services.distribution.settleDue();
  }
  return order;
}

const wallet = async (person: Person) =>
  (await t.request('GET', '/api/me/wallet', { token: person.token })).json<Wallet>();
const alipay = { method: 'alipay', holderName: 'Chen Jie', account: '138 0013 8000' };
const savePayout = async (person: Person, body: object = alipay) =>
  t.request('PUT', '/api/me/payout-details', { token: person.token, body });
const withdraw = (person: Person, amount: number) =>
  t.request('POST', '/api/me/withdrawals', { token: person.token, body: { amount } });
const decide = (id: string, action: 'approve' | 'reject') =>
  t.request('POST', `/api/admin/withdrawals/${id}/${action}`, { token: admin.token, body: {} });

describe('payout details', () => {
  it('saves where the money goes and shows it masked to its owner', async () => {
    const me = await t.signUp();
    expect((await t.request('GET', '/api/me/payout-details')).statusCode).toBe(401);
    const none = await t.request('GET', '/api/me/payout-details', { token: me.token });
    expect(none.json()).toEqual({ details: null });

    const bank = await savePayout(me, {
      method: 'bank',
      holderName: '陈杰',
      account: '6222 0212 3456 6789',
      bankName: 'ICBC Shanghai',
    });
    expect(bank.statusCode).toBe(200);
    expect(bank.json()).toEqual({
      details: {
        method: 'bank',
        holderName: '陈**',
        account: '**** 6789',
        bankName: 'ICBC Shanghai',
        updatedAt: expect.any(String),
      },
    });
    expect(bank.body).not.toContain('62220212');

    await savePayout(me, { method: 'alipay', holderName: 'Chen Jie', account: 'chen@example.com' });
    const shown = await t.request('GET', '/api/me/payout-details', { token: me.token });
    expect(shown.json()).toMatchObject({
      details: { method: 'alipay', holderName: 'C**', account: 'c***@example.com', bankName: null },
    });
  });

  it('refuses details that cannot be paid to, naming the field', async () => {
    const me = await t.signUp();
    const cases: [object, string][] = [
      [{ method: 'alipay', holderName: 'A', account: 'not an account' }, '/account'],
      [{ method: 'wechat', holderName: 'A', account: '1x' }, '/account'],
      [{ method: 'bank', holderName: 'A', account: '6222021234566789' }, '/bankName'],
      [{ method: 'bank', holderName: 'A', account: '12-34', bankName: 'ICBC' }, '/account'],
      [{ method: 'wechat', holderName: 'A', account: 'wxid_chen01', bankName: 'ICBC' }, '/bankName'],
      [{ method: 'paypal', holderName: 'A', account: 'a@b.co' }, '/method'],
      [{ method: 'alipay', holderName: '   ', account: 'a@b.co' }, '/holderName'],
      [{ method: 'alipay', holderName: 'A', account: 'a@b.co', iban: 'x' }, '/iban'],
    ];
    for (const [body, path] of cases) {
      const res = await savePayout(me, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    // Each domain check names its rule, for the client to word.
    const rules: [object, string, string][] = [
      [{ method: 'alipay', holderName: 'A', account: 'chen' }, '/account', 'alipayAccount'],
      [{ method: 'wechat', holderName: 'A', account: '1x' }, '/account', 'wechatAccount'],
      [{ method: 'bank', holderName: 'A', account: '12-34', bankName: 'ICBC' }, '/account', 'bankAccount'],
      [{ method: 'bank', holderName: 'A', account: '6222021234566789' }, '/bankName', 'required'],
      [{ method: 'alipay', holderName: 'A', account: 'a@b.co', bankName: 'ICBC' }, '/bankName', 'bankOnly'],
    ];
    for (const [body, path, rule] of rules) {
      expect((await savePayout(me, body)).json(), JSON.stringify(body)).toMatchObject({
        errors: [{ path, rule }],
      });
    }
    expect((await t.request('GET', '/api/me/payout-details', { token: me.token })).json()).toEqual({
      details: null,
    });
  });
});

describe('withdrawals and the payout view', () => {
  it('needs payout details, carries a copy of them, and shows them in full only to the operator', async () => {
    const seller = await promoter();
    await sale(seller, 50_000);
    const refused = await withdraw(seller, 1000);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'payout_details_missing' });

    await savePayout(seller);
    const asked = await withdraw(seller, 1000);
    expect(asked.statusCode).toBe(201);
    const mine = asked.json<Withdrawal>();
    expect(mine.payout).toEqual({
      method: 'alipay',
      holderName: 'C**',
      account: '**** 8000',
      bankName: null,
    });
    // Details changed later do not change where this withdrawal goes.
    await savePayout(seller, { method: 'wechat', holderName: 'Chen Jie', account: 'wxid_chen01' });

    const own = await t.request('GET', `/api/me/withdrawals/${mine.id}`, { token: seller.token });
    expect(own.json()).toMatchObject({ id: mine.id, payout: { account: '**** 8000' } });
    const stranger = await t.signUp();
    const other = await t.request('GET', `/api/me/withdrawals/${mine.id}`, { token: stranger.token });
    expect(other.statusCode).toBe(404);
    expect((await t.request('GET', `/api/me/withdrawals/${mine.id}`)).statusCode).toBe(401);

    const view = await t.request('GET', '/api/admin/withdrawals?status=requested', { token: admin.token });
    expect(view.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        id: mine.id,
        payout: { method: 'alipay', holderName: 'Chen Jie', account: '13800138000', bankName: null },
        balance: { available: 4000, reserved: 1000, covers: true },
      }),
    );
    expect((await t.request('GET', '/api/admin/withdrawals', { token: stranger.token })).statusCode).toBe(
      403,
    );
  });

  it('refuses to approve a withdrawal once a refund reversed the commission behind it', async () => {
    // Regression: ¥100 was paid out against a balance of −¥100.
    const seller = await promoter();
    const order = await sale(seller, 100_000);
    await savePayout(seller);
    const asked = (await withdraw(seller, 10_000)).json<Withdrawal>();
    expect(await wallet(seller)).toMatchObject({ available: 0, reserved: 10_000 });
    const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refund.statusCode).toBe(200);
    expect(await wallet(seller)).toMatchObject({ available: -10_000, reserved: 10_000 });

    const view = await t.request('GET', '/api/admin/withdrawals?status=requested', { token: admin.token });
    expect(view.json<{ items: { id: string; balance: unknown }[] }>().items).toContainEqual(
      expect.objectContaining({
        id: asked.id,
        balance: { available: -10_000, reserved: 10_000, covers: false },
      }),
    );
    const approve = await decide(asked.id, 'approve');
    expect(approve.statusCode).toBe(422);
    expect(approve.json()).toMatchObject({
      reason: 'withdrawal_not_covered',
      params: { amount: 10_000, balanceAmount: 0 },
    });
    expect(await wallet(seller)).toMatchObject({ available: -10_000, reserved: 10_000, withdrawn: 0 });
    // Rejecting gives the reserved money back, which nets against what the refund took.
    expect((await decide(asked.id, 'reject')).statusCode).toBe(200);
    expect(await wallet(seller)).toMatchObject({ available: 0, reserved: 0, withdrawn: 0 });
  });

  it(`lets only one of two racing approvals spend a balance that covers one ${RACE}`, async () => {
    const seller = await promoter();
    const first = await sale(seller, 50_000);
    await sale(seller, 50_000);
    await savePayout(seller);
    const a = (await withdraw(seller, 5000)).json<Withdrawal>();
    const b = (await withdraw(seller, 5000)).json<Withdrawal>();
    await t.request('POST', `/api/admin/orders/${first.id}/refund`, { token: admin.token });
    // available −5000 + reserved 10000: 5000 left, enough for one of the two.
    const results = await Promise.all([decide(a.id, 'approve'), decide(b.id, 'approve')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(await wallet(seller)).toMatchObject({ available: -5000, reserved: 5000, withdrawn: 5000 });
  });
});

describe('CSV export', () => {
  it('exports approved withdrawals with full details, escaped, and safe to open in a spreadsheet', async () => {
    const seller = await promoter();
    await sale(seller, 90_000);
    await savePayout(seller, {
      method: 'bank',
      holderName: '=HYPERLINK("http://evil.example","Lee, Ann")',
      account: '6222021234566789',
      bankName: '@Bank of "Test"',
    });
    const paid = (await withdraw(seller, 1234)).json<Withdrawal>();
    const waiting = (await withdraw(seller, 2000)).json<Withdrawal>();
    expect((await decide(paid.id, 'approve')).statusCode).toBe(200);

    const res = await t.request('GET', '/api/admin/withdrawals/export.csv?status=approved', {
      token: admin.token,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('withdrawals-approved.csv');
    const [header, ...lines] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'withdrawal_id,requested_at,decided_at,promoter_id,amount,currency,method,holder_name,account,bank_name,note',
    );
    const row = lines.find((l) => l.startsWith(paid.id));
    expect(row).toContain(`,${seller.user.id},12.34,CNY,bank,`);
    expect(row).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Lee, Ann"")",6222021234566789,"'@Bank of ""Test"""`,
    );
    expect(res.body).not.toContain(waiting.id);
    const requested = await t.request('GET', '/api/admin/withdrawals/export.csv?status=requested', {
      token: admin.token,
    });
    expect(requested.body).toContain(waiting.id);
  });

  it('is for the operator only', async () => {
    const buyer = await t.signUp();
    const url = '/api/admin/withdrawals/export.csv';
    expect((await t.request('GET', url)).statusCode).toBe(401);
    expect((await t.request('GET', url, { token: buyer.token })).statusCode).toBe(403);
    expect((await t.request('GET', `${url}?status=paid-ish`, { token: admin.token })).statusCode).toBe(400);
  });
});

describe('events for notifications', () => {
  it('publishes commission.earned, commission.settled and withdrawal.decided with their payloads', async () => {
    const seller = await promoter();
    const order = await sale(seller, 30_000, { settle: false });
    const [commission] = (await t.request('GET', '/api/me/commissions', { token: seller.token })).json<{
      items: Commission[];
    }>().items;
    const of = <E extends keyof DomainEvents>(name: E) =>
      events.filter((e) => e.name === name).map((e) => e.payload as DomainEvents[E]);
    expect(of('commission.earned')).toContainEqual({
      commissionId: commission?.id,
      orderId: order.id,
      userId: seller.user.id,
      amount: 3000,
      level: 1,
    });
    expect(of('commission.settled').some((e) => e.commissionId === commission?.id)).toBe(false);
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    await t.services.distribution.settleDue();
    expect(of('commission.settled')).toContainEqual({
      commissionId: commission?.id,
      orderId: order.id,
      userId: seller.user.id,
      amount: 3000,
    });

    await savePayout(seller);
    const a = (await withdraw(seller, 1000)).json<Withdrawal>();
    const b = (await withdraw(seller, 500)).json<Withdrawal>();
    await decide(a.id, 'approve');
    await decide(b.id, 'reject');
    expect(of('withdrawal.decided')).toEqual(
      expect.arrayContaining([
        { withdrawalId: a.id, userId: seller.user.id, amount: 1000, status: 'approved' },
        { withdrawalId: b.id, userId: seller.user.id, amount: 500, status: 'rejected' },
      ]),
    );
  });
});

describe('held apart from pending', () => {
  it('settles a sale that shares only an address with the promoter, and holds one on their device', async () => {
    const seller = await promoter();
    const office = { 'x-forwarded-for': '198.51.100.44', cookie: 'fission_device=seller-phone' };
    await t.request('GET', '/api/me', { token: seller.token, headers: office });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the sighting is written after the response
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 20_000, stock: 10 });
    const buyVia = async (headers: Record<string, string>) => {
      const placed = await t.request('POST', '/api/orders', {
        token: buyer.token,
        headers,
        body: { items: [{ variantId, quantity: 1 }], storeSlug: seller.slug },
      });
      const id = placed.json<Order>().id;
      await t.request('POST', `/api/payments/sandbox/${id}/succeed`, { token: buyer.token, headers });
      await t.request('POST', `/api/admin/orders/${id}/complete`, { token: admin.token });
      return id;
    };
    const sameOffice = await buyVia({ 'x-forwarded-for': '198.51.100.44' });
    const sameDevice = await buyVia({ cookie: 'fission_device=seller-phone' });
    await t.services.distribution.settleDue();
    const mine = (await t.request('GET', '/api/me/commissions', { token: seller.token })).json<{
      items: Commission[];
    }>().items;
    expect(mine.find((c) => c.orderId === sameOffice)).toMatchObject({ status: 'settled', held: false });
    const signalled = await t.request('GET', '/api/admin/commissions?signal=shared_ip', {
      token: admin.token,
    });
    expect(signalled.json<{ items: Commission[] }>().items).toContainEqual(
      expect.objectContaining({ orderId: sameOffice, signals: ['shared_ip'] }),
    );
    expect(mine.find((c) => c.orderId === sameDevice)).toMatchObject({
      status: 'pending',
      held: true,
      holdReason: 'shared_device',
    });
    expect(await wallet(seller)).toMatchObject({ pending: 0, held: 2000, available: 2000 });
  });
});
