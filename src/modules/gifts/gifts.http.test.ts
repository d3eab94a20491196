import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { Gift, MyGift } from './schemas.js';

/** API.md, Flash sales, bargains and gifts: a gift order, its claim link, the one claim, the lapse's refund. */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

const ADDRESS = {
  name: 'Lin Xiaoyu',
  phone: '13900139000',
  province: '上海市',
  city: '上海市',
  line1: '88 Recipient Road, flat 1203',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const tokenOf = (order: Order) => order.gift?.claimUrl?.split('/gifts/')[1] ?? '';

async function placeGift(sender: Person, extra: Record<string, unknown> = {}, quantity = 1) {
  const { variantId } = await createProduct(t, { price: 5900, stock: 10, title: 'Jasmine tea gift tin' });
  const placed = await t.request('POST', '/api/orders', {
    token: sender.token,
    body: { items: [{ variantId, quantity }], gift: { message: 'Happy birthday, 生日快乐!' }, ...extra },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  return { order: placed.json<Order>(), variantId };
}

async function paidGift(sender: Person, extra: Record<string, unknown> = {}) {
  const { order, variantId } = await placeGift(sender, extra);
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: sender.token });
  expect(paid.statusCode, paid.body).toBe(200);
  const shown = paid.json<Order>();
  return { order: shown, token: tokenOf(shown), variantId };
}

const claim = (person: Person | null, token: string, address: Record<string, unknown> = ADDRESS) =>
  t.request('POST', `/api/gifts/${token}/claim`, { token: person?.token, body: { address } });

const orderAs = async (person: Person, orderId: string) =>
  t.request('GET', `/api/orders/${orderId}`, { token: person.token });

const ship = (orderId: string) =>
  t.request('POST', `/api/admin/orders/${orderId}/ship`, {
    token: admin,
    body: { carrier: 'SF Express', trackingNumber: 'SF1234567890' },
  });

describe('POST /api/orders with gift', () => {
  it('takes no address; unpaid it has no claim link; once paid its buyer gets an absolute /gifts/<token> link', async () => {
    const sender = await t.signUp({ name: 'Wang Fang' });
    const { order } = await placeGift(sender);
    expect(order.gift).toEqual({
      status: 'awaiting_payment',
      message: 'Happy birthday, 生日快乐!',
      claimUrl: null,
      claimBy: null,
      claimedAt: null,
    });
    expect(order.address).toBeNull();
    expect((await orderAs(sender, order.id)).json<Order>().gift?.claimUrl).toBeNull();

    const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
      token: sender.token,
    });
    const shown = paid.json<Order>();
    expect(shown.status).toBe('paid');
    expect(shown.gift).toMatchObject({ status: 'unclaimed', claimedAt: null });
    expect(shown.gift?.claimUrl).toMatch(/^https?:\/\/[^/]+\/gifts\/[A-Za-z0-9_-]{22,}$/);
    // 144 random bits: never guessed, never the order's id.
    expect(tokenOf(shown)).not.toContain(order.id);
    const paidAt = shown.timeline.find((e) => e.status === 'paid')?.at as string;
    const waits = new Date(shown.gift?.claimBy as string).getTime() - new Date(paidAt).getTime();
    // A day from the payment (the clock runs on between the payment's statements).
    expect(waits).toBeGreaterThanOrEqual(DAY);
    expect(waits).toBeLessThan(DAY + 5000);

    const again = (await orderAs(sender, order.id)).json<Order>();
    expect(again.gift?.claimUrl).toBe(shown.gift?.claimUrl);
    const mine = (await t.request('GET', '/api/me/orders', { token: sender.token })).json<{
      items: Order[];
    }>();
    expect(mine.items.find((o) => o.id === order.id)?.gift?.claimUrl).toBe(shown.gift?.claimUrl);
    // The operator's view shows the gift, not the buyer's link.
    const adminView = (
      await t.request('GET', `/api/admin/orders/${order.id}`, { token: admin })
    ).json<Order>();
    expect(adminView.gift).toMatchObject({ status: 'unclaimed', claimUrl: null });
  });

  it('refuses an address, a pickup point, a group seat, a bargain and a message over 200 characters (400)', async () => {
    const sender = await t.signUp();
    const { variantId } = await createProduct(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ gift: {}, address: ADDRESS }, '/address'],
      [{ gift: {}, pickup: { communityId: 'c1' } }, '/pickup'],
      [{ gift: {}, groupBuy: { campaignId: 'k1' } }, '/groupBuy'],
      [{ gift: {}, bargain: { bargainId: 'b1' } }, '/bargain'],
      [{ gift: { message: 'x'.repeat(201) } }, '/gift/message'],
      [{ gift: { note: 'hi' } }, '/gift/note'],
    ];
    for (const [extra, path] of cases) {
      const res = await t.request('POST', '/api/orders', {
        token: sender.token,
        body: { items: [{ variantId, quantity: 1 }], ...extra },
      });
      const problem = expectProblem(res, 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(extra),
      ).toContain(path);
    }
    const longest = await t.request('POST', '/api/orders', {
      token: sender.token,
      body: { items: [{ variantId, quantity: 1 }], gift: { message: '好'.repeat(200) } },
    });
    expect(longest.statusCode, longest.body).toBe(201);
  });

  it('may be bought at a flash sale’s price', async () => {
    const sender = await t.signUp();
    const { variantId } = await createProduct(t, { price: 4900 });
    const sale = await t.request('POST', '/api/admin/flash-sales', {
      token: admin,
      body: {
        variantId,
        price: 990,
        quantity: 5,
        perUserLimit: 2,
        startsAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        endsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      },
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const placed = await t.request('POST', '/api/orders', {
      token: sender.token,
      body: { items: [{ variantId, quantity: 1 }], flashSale: { saleId: sale.json().id }, gift: {} },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>()).toMatchObject({
      total: 990,
      gift: { status: 'awaiting_payment', message: null },
    });
  });

  it('publishes giftClaimDays in /api/config (GIFT_CLAIM_DAYS, default 1)', async () => {
    expect((await t.request('GET', '/api/config')).json()).toMatchObject({ giftClaimDays: 1 });
  });

  it('builds the link from PUBLIC_URL, whatever Host a request names, and waits GIFT_CLAIM_DAYS', async () => {
    const other = await createTestApp({ PUBLIC_URL: 'https://shop.example.com', GIFT_CLAIM_DAYS: '3' });
    try {
      expect((await other.request('GET', '/api/config')).json()).toMatchObject({ giftClaimDays: 3 });
      const sender = await other.signUp();
      const { variantId } = await createProduct(other);
      const placed = await other.request('POST', '/api/orders', {
        token: sender.token,
        body: { items: [{ variantId, quantity: 1 }], gift: {} },
      });
      const headers = { host: 'evil.example' };
      const paid = await other.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
        token: sender.token,
        headers,
      });
      const gift = paid.json<Order>().gift;
      expect(gift?.claimUrl).toMatch(/^https:\/\/shop\.example\.com\/gifts\/[A-Za-z0-9_-]{22,}$/);
      const mine = await other.request('GET', '/api/me/gifts', { token: sender.token, headers });
      expect(mine.json<{ items: MyGift[] }>().items[0]?.claimUrl).toBe(gift?.claimUrl);
      other.clock.advance(2 * DAY);
      await other.jobs.runDue();
      const waiting = await other.request('GET', `/api/gifts/${gift?.claimUrl?.split('/gifts/')[1]}`);
      expect(waiting.json<Gift>().status).toBe('unclaimed');
      await expectLedgerSound(other);
    } finally {
      await other.close();
    }
  });
});

describe('GET /api/gifts/:token', () => {
  it('shows anyone from whom, the note and what is in it: no prices, no address; 404 for an unknown link', async () => {
    const sender = await t.signUp({ name: 'Wang Fang' });
    const { order, token } = await paidGift(sender);
    const res = await t.request('GET', `/api/gifts/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const gift = res.json<Gift>();
    expect(gift).toMatchObject({
      status: 'unclaimed',
      message: 'Happy birthday, 生日快乐!',
      from: { name: 'Wang F.', initial: 'W' },
      items: [{ title: 'Jasmine tea gift tin', quantity: 1 }],
      yours: null,
      orderId: null,
    });
    expect(res.body).not.toMatch(/price|total|amount|subtotal|5900|address|phone/i);
    expect(res.body).not.toContain(order.id);
    const asSender = (await t.request('GET', `/api/gifts/${token}`, { token: sender.token })).json<Gift>();
    expect(asSender).toMatchObject({ yours: 'sent', orderId: order.id });

    expectProblem(await t.request('GET', '/api/gifts/no-such-gift'), 404);
    expectProblem(await t.request('GET', `/api/gifts/${token.slice(0, -1)}x`), 404);
    expectProblem(await t.request('GET', `/api/gifts/${order.id}`), 404);
  });
});

describe('POST /api/gifts/:token/claim', () => {
  it('gives the gift its recipient once: 200, then 409 for them and for anyone else; 422 for its sender; 404 unknown', async () => {
    const sender = await t.signUp({ name: 'Wang Fang' });
    const friend = await t.signUp({ name: 'Lin Xiaoyu' });
    const other = await t.signUp();
    const { order, token } = await paidGift(sender);

    expectProblem(await claim(null, token), 401);
    const own = expectProblem(await claim(sender, token), 422);
    expect(own.reason).toBe('gift_own');
    expectProblem(await claim(friend, 'no-such-gift'), 404);
    const missing = expectProblem(await claim(friend, token, { name: 'Lin' }), 400);
    expect(missing.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/address/phone', '/address/line1', '/address/city']),
    );

    const claimed = await claim(friend, token);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toEqual({ status: 'claimed', orderId: order.id });

    const twice = expectProblem(await claim(friend, token), 409);
    expect(twice.reason).toBe('gift_already_claimed');
    expect(expectProblem(await claim(other, token), 409).reason).toBe('gift_already_claimed');
    expect(expectProblem(await claim(sender, token), 422).reason).toBe('gift_own');

    const page = (await t.request('GET', `/api/gifts/${token}`, { token: friend.token })).json<Gift>();
    expect(page).toMatchObject({ status: 'claimed', yours: 'received', orderId: order.id });
    expect(page.claimedAt).not.toBeNull();
  });

  it('lets exactly one of two friends claiming at once have it', async () => {
    const sender = await t.signUp();
    const [a, b] = [await t.signUp(), await t.signUp()];
    const { token } = await paidGift(sender);
    const answers = await Promise.all([claim(a, token), claim(b, token)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('takes one of the recipient’s saved addresses; another person’s is 404', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const saved = await t.request('POST', '/api/me/addresses', { token: sender.token, body: ADDRESS });
    expect(saved.statusCode, saved.body).toBe(201);
    const { order, token } = await paidGift(sender);
    expectProblem(await claim(friend, token, { addressId: saved.json().id }), 404);
    const own = await t.request('POST', '/api/me/addresses', { token: friend.token, body: ADDRESS });
    const claimed = await claim(friend, token, { addressId: own.json().id });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const shown = (await orderAs(friend, order.id)).json<Order>();
    expect(shown.address).toMatchObject({ line1: ADDRESS.line1, addressId: own.json().id });
  });
});

describe('a claimed gift', () => {
  it('ships only once claimed, to the recipient, whose address its sender never sees', async () => {
    const sender = await t.signUp({ name: 'Wang Fang' });
    const friend = await t.signUp({ name: 'Lin Xiaoyu' });
    const stranger = await t.signUp();
    const { order, token } = await paidGift(sender);

    const early = expectProblem(await ship(order.id), 409);
    expect(early).toMatchObject({ reason: 'gift_not_claimed', params: { orderId: order.id } });
    expectProblem(await orderAs(friend, order.id), 404);

    expect((await claim(friend, token)).statusCode).toBe(200);
    const shipped = await ship(order.id);
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json<Order>()).toMatchObject({ status: 'shipped', address: { line1: ADDRESS.line1 } });

    const senderViews = [
      (await orderAs(sender, order.id)).body,
      (await t.request('GET', '/api/me/orders', { token: sender.token })).body,
      (await t.request('GET', '/api/me/gifts', { token: sender.token })).body,
      (await t.request('GET', `/api/gifts/${token}`, { token: sender.token })).body,
    ];
    for (const body of senderViews) {
      expect(body).not.toContain('Recipient Road');
      expect(body).not.toContain(ADDRESS.phone);
    }
    const senderOrder = (await orderAs(sender, order.id)).json<Order>();
    expect(senderOrder).toMatchObject({ status: 'shipped', address: null, gift: { status: 'claimed' } });

    const friendOrder = await orderAs(friend, order.id);
    expect(friendOrder.statusCode).toBe(200);
    expect(friendOrder.json<Order>()).toMatchObject({
      address: { line1: ADDRESS.line1, phone: ADDRESS.phone },
      gift: { status: 'claimed', claimUrl: null },
    });
    expectProblem(await orderAs(stranger, order.id), 404);

    const sent = (await t.request('GET', '/api/me/gifts?box=sent', { token: sender.token })).json<{
      items: MyGift[];
    }>();
    expect(sent.items.find((g) => g.orderId === order.id)).toMatchObject({
      status: 'claimed',
      to: { name: 'Lin X.' },
      claimUrl: expect.stringMatching(/\/gifts\//),
    });
    const received = (await t.request('GET', '/api/me/gifts?box=received', { token: friend.token })).json<{
      items: MyGift[];
    }>();
    expect(received.items.map((g) => g.orderId)).toEqual([order.id]);
    expect(received.items[0]).toMatchObject({ from: { name: 'Wang F.' }, claimUrl: null });
    expect(JSON.stringify(received)).not.toMatch(/price|5900/i);
  });

  it('is the recipient’s for after-sales and receipt; its sender is refused (404)', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token } = await paidGift(sender);
    expect((await claim(friend, token)).statusCode).toBe(200);
    const ask = (person: Person) =>
      t.request('POST', `/api/orders/${order.id}/after-sales`, {
        token: person.token,
        body: { type: 'return', reason: 'the tin arrived dented' },
      });
    expect((await ship(order.id)).statusCode).toBe(200);

    expectProblem(await ask(sender), 404);
    expectProblem(
      await t.request('GET', `/api/orders/${order.id}/after-sales`, { token: sender.token }),
      404,
    );
    expectProblem(await t.request('POST', `/api/orders/${order.id}/receipt`, { token: sender.token }), 404);

    const asked = await ask(friend);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ orderId: order.id, status: 'requested', amount: order.total });
    const listed = await t.request('GET', `/api/orders/${order.id}/after-sales`, { token: friend.token });
    expect(listed.statusCode, listed.body).toBe(200);
    const mine = (await t.request('GET', '/api/me/after-sales', { token: friend.token })).body;
    expect(mine).toContain(asked.json().id);

    const approved = await t.request('POST', `/api/admin/after-sales/${asked.json().id}/approve`, {
      token: admin,
      body: {},
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await orderAs(sender, order.id)).json<Order>()).toMatchObject({
      status: 'refunded',
      gift: { status: 'claimed' },
      address: null,
    });
  });

  it('tells its sender it was claimed (notification `gift.claimed`), without the address', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token } = await paidGift(sender);
    expect((await claim(friend, token)).statusCode).toBe(200);
    await t.jobs.runDue();
    const inbox = (await t.request('GET', '/api/me/notifications', { token: sender.token })).json<{
      items: { type: string; link: string; body: string }[];
    }>();
    const told = inbox.items.find((n) => n.type === 'gift.claimed');
    expect(told).toMatchObject({ link: `/orders/${order.id}` });
    expect(JSON.stringify(inbox)).not.toContain('Recipient Road');
  });
});

describe('a gift nobody claims', () => {
  it('is refunded giftClaimDays after payment: the order and the gift refunded, the stock back, the sender told', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token, variantId } = await paidGift(sender);
    expect(await stockOf(t, variantId)).toBe(9);

    t.clock.advance(DAY - 60_000);
    await t.jobs.runDue();
    expect((await orderAs(sender, order.id)).json<Order>().status).toBe('paid');

    t.clock.advance(2 * 60_000);
    await t.jobs.runDue();
    const refunded = (await orderAs(sender, order.id)).json<Order>();
    expect(refunded).toMatchObject({
      status: 'refunded',
      refundedAmount: order.total,
      gift: { status: 'refunded' },
    });
    expect(refunded.timeline.at(-1)).toMatchObject({ status: 'refunded', note: 'gift not claimed in time' });
    expect(await stockOf(t, variantId)).toBe(10);
    expect((await t.request('GET', `/api/gifts/${token}`)).json<Gift>().status).toBe('refunded');
    expect(expectProblem(await claim(friend, token), 409).reason).toBe('gift_refunded');

    await t.jobs.runDue();
    const inbox = (await t.request('GET', '/api/me/notifications', { token: sender.token })).json<{
      items: { type: string }[];
    }>();
    expect(inbox.items.map((n) => n.type)).toContain('gift.refunded');
  });

  it('cannot be claimed once its time ran out, even before the refund ran (409 gift_expired)', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token } = await paidGift(sender);
    t.clock.advance(DAY + 1);
    const late = expectProblem(await claim(friend, token), 409);
    expect(late).toMatchObject({ reason: 'gift_expired', params: { claimBy: expect.any(String) } });
    await t.jobs.runDue();
    expect((await orderAs(sender, order.id)).json<Order>().status).toBe('refunded');
  });

  it('is not refunded once claimed: the lapse’s job finds it claimed and leaves the order alone', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token } = await paidGift(sender);
    expect((await claim(friend, token)).statusCode).toBe(200);
    t.clock.advance(2 * DAY);
    await t.jobs.runDue();
    expect((await orderAs(sender, order.id)).json<Order>()).toMatchObject({
      status: 'paid',
      refundedAmount: 0,
      gift: { status: 'claimed' },
    });
  });

  it('is closed with its order: an unpaid gift order that lapses is cancelled, and has no link', async () => {
    const sender = await t.signUp();
    const { order } = await placeGift(sender);
    // As the server's clock route does: the sweep of lapsed orders is a recurring job.
    await t.jobs.scheduleRecurring();
    t.clock.advance(31 * 60_000);
    await t.jobs.runDue();
    const lapsed = (await orderAs(sender, order.id)).json<Order>();
    expect(lapsed).toMatchObject({ status: 'cancelled', gift: { status: 'cancelled', claimUrl: null } });
    const sent = (await t.request('GET', '/api/me/gifts', { token: sender.token })).json<{
      items: MyGift[];
    }>();
    expect(sent.items.map((g) => g.orderId)).not.toContain(order.id);
  });

  it('is refunded with its order when its sender gets it refunded before anyone claims it', async () => {
    const sender = await t.signUp();
    const friend = await t.signUp();
    const { order, token } = await paidGift(sender);
    const refunded = await t.request('POST', `/api/admin/orders/${order.id}/refund`, {
      token: admin,
      body: {},
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(refunded.json<Order>().gift?.status).toBe('refunded');
    expect(expectProblem(await claim(friend, token), 409).reason).toBe('gift_refunded');
  });
});
