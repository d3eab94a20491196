import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { ContentCredit } from './rules.js';
import type { Wallet } from './wallet.js';

/**
 * Content that sells: an order through a post or live room credits its owner as the level-1
 * sharer; with another person's share code as well, the operator's `contentCredit` decides.
 * The posts and live modules are stood in for by Maps registered as content sources.
 * Default rates: level 1 10%, level 2 5%.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let authorsInviter: Person;
let author: Person;
let sharersInviter: Person;
let sharer: Person;
const posts = new Map<string, string>();
const rooms = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  authorsInviter = await t.signUp({ name: 'Author’s inviter' });
  author = await t.signUp({ name: 'Author', inviteCode: authorsInviter.user.inviteCode });
  sharersInviter = await t.signUp({ name: 'Sharer’s inviter' });
  sharer = await t.signUp({ name: 'Sharer', inviteCode: sharersInviter.user.inviteCode });
  posts.set('post-a', author.user.id);
  rooms.set('room-a', author.user.id);
  t.services.contentSources.register('post', async (_conn, id) => posts.get(id));
  t.services.contentSources.register('live', async (_conn, id) => rooms.get(id));
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

async function setContentCredit(contentCredit: ContentCredit) {
  const res = await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin.token,
    body: { contentCredit },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ contentCredit });
}

async function buy(
  buyer: Person,
  source: { postId?: string; liveRoomId?: string },
  options: { price?: number; shareBy?: Person } = {},
) {
  const { product, variantId } = await createProduct(t, { price: options.price ?? 10_000, stock: 100 });
  let shareCode: string | undefined;
  if (options.shareBy) {
    const link = await t.request('POST', '/api/share-links', {
      token: options.shareBy.token,
      body: { productId: product.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    shareCode = link.json<{ code: string }>().code;
  }
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], ...source, ...(shareCode ? { shareCode } : {}) },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
  expect(paid.statusCode).toBe(200);
  return paid.json<Order>();
}

const commissionsOf = async (person: Person) =>
  (await t.request('GET', '/api/me/commissions', { token: person.token })).json<{ items: Commission[] }>()
    .items;
const onOrder = async (person: Person, orderId: string) =>
  (await commissionsOf(person))
    .filter((c) => c.orderId === orderId)
    .map((c) => ({ level: c.level, role: c.role, amount: c.amount, status: c.status }));
const orderRows = (orderId: string) =>
  t.db.query<{ promoter_id: string; level: number; role: string; amount: number; status: string }>(
    'SELECT promoter_id, level, role, amount::int AS amount, status FROM commissions WHERE order_id = $1 ORDER BY level, role',
    [orderId],
  );

describe('an order through content, without a share code', () => {
  it('credits the post’s author as level 1 and their inviter as level 2, and binds the buyer', async () => {
    await setContentCredit('sharer');
    const buyer = await t.signUp();
    const order = await buy(buyer, { postId: 'post-a' });
    expect(order.source).toEqual({ type: 'post', id: 'post-a' });
    expect(await onOrder(author, order.id)).toEqual([
      { level: 1, role: 'sharer', amount: 1000, status: 'pending' },
    ]);
    expect(await onOrder(authorsInviter, order.id)).toEqual([
      { level: 2, role: 'sharer', amount: 500, status: 'pending' },
    ]);
    const binding = (await t.request('GET', '/api/me/binding', { token: buyer.token })).json();
    expect(binding).toMatchObject({ promoter: { name: 'Author' }, origin: { type: 'post', ref: 'post-a' } });
  });

  it('credits a live room’s host the same way', async () => {
    const buyer = await t.signUp();
    const order = await buy(buyer, { liveRoomId: 'room-a' });
    expect(await onOrder(author, order.id)).toEqual([
      { level: 1, role: 'sharer', amount: 1000, status: 'pending' },
    ]);
  });

  it('earns the author nothing on their own purchase through their post', async () => {
    const order = await buy(author, { postId: 'post-a' });
    expect(await orderRows(order.id)).toEqual([]);
  });

  it('earns a disabled author nothing', async () => {
    const banned = await t.signUp({ name: 'Banned author' });
    posts.set('post-banned', banned.user.id);
    const off = await t.request('POST', `/api/admin/users/${banned.user.id}/disable`, { token: admin.token });
    expect(off.statusCode, off.body).toBe(200);
    const order = await buy(await t.signUp(), { postId: 'post-banned' });
    expect(await orderRows(order.id)).toEqual([]);
  });
});

describe('an order through content with another person’s share code', () => {
  it('sharer: the link’s owner earns as without content; the author nothing', async () => {
    await setContentCredit('sharer');
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer });
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: sharer.user.id, level: 1, role: 'sharer', amount: 1000, status: 'pending' },
      { promoter_id: sharersInviter.user.id, level: 2, role: 'sharer', amount: 500, status: 'pending' },
    ]);
  });

  it('author: the author and their chain earn instead; the sharer nothing', async () => {
    await setContentCredit('author');
    const buyer = await t.signUp();
    const order = await buy(buyer, { postId: 'post-a' }, { shareBy: sharer });
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: author.user.id, level: 1, role: 'sharer', amount: 1000, status: 'pending' },
      { promoter_id: authorsInviter.user.id, level: 2, role: 'sharer', amount: 500, status: 'pending' },
    ]);
    expect(await onOrder(sharer, order.id)).toEqual([]);
  });

  it('split: level 1 divided (author floor(half), sharer the rest), the chain above the sharer unchanged', async () => {
    await setContentCredit('split');
    // Level 1 of 10 010 is 1 001: the author gets 500, the sharer 501.
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer, price: 10_010 });
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: author.user.id, level: 1, role: 'author', amount: 500, status: 'pending' },
      { promoter_id: sharer.user.id, level: 1, role: 'sharer', amount: 501, status: 'pending' },
      { promoter_id: sharersInviter.user.id, level: 2, role: 'sharer', amount: 500, status: 'pending' },
    ]);
    expect(await onOrder(author, order.id)).toEqual([
      { level: 1, role: 'author', amount: 500, status: 'pending' },
    ]);
    expect(await onOrder(authorsInviter, order.id)).toEqual([]);
  });

  it('split: a second delivery of the payment earns nothing more', async () => {
    await setContentCredit('split');
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer });
    const before = await orderRows(order.id);
    expect(before).toHaveLength(3);
    await t.db.transaction((tx) =>
      t.services.distribution.reactions.earnCommissions(tx, { orderId: order.id }),
    );
    expect(await orderRows(order.id)).toEqual(before);
  });

  it('split: a refund reverses both level-1 rows and the level-2 row', async () => {
    await setContentCredit('split');
    const pendingBefore = (await t.request('GET', '/api/me/wallet', { token: author.token })).json<Wallet>()
      .pending;
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer });
    const refunded = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: author.user.id, level: 1, role: 'author', amount: 500, status: 'reversed' },
      { promoter_id: sharer.user.id, level: 1, role: 'sharer', amount: 500, status: 'reversed' },
      { promoter_id: sharersInviter.user.id, level: 2, role: 'sharer', amount: 500, status: 'reversed' },
    ]);
    const pendingAfter = (await t.request('GET', '/api/me/wallet', { token: author.token })).json<Wallet>()
      .pending;
    expect(pendingAfter).toBe(pendingBefore);
  });

  it('split: a partial refund shrinks both level-1 rows by the share refunded', async () => {
    await setContentCredit('split');
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer });
    await t.services.orders.refundOrder(order.id, 'a quarter back', { amount: 2500, items: [] });
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: author.user.id, level: 1, role: 'author', amount: 375, status: 'pending' },
      { promoter_id: sharer.user.id, level: 1, role: 'sharer', amount: 375, status: 'pending' },
      { promoter_id: sharersInviter.user.id, level: 2, role: 'sharer', amount: 375, status: 'pending' },
    ]);
  });

  it('split: the author sharing their own post earns once, as the sharer', async () => {
    await setContentCredit('split');
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: author });
    expect(await orderRows(order.id)).toEqual([
      { promoter_id: author.user.id, level: 1, role: 'sharer', amount: 1000, status: 'pending' },
      { promoter_id: authorsInviter.user.id, level: 2, role: 'sharer', amount: 500, status: 'pending' },
    ]);
  });
});

describe('who sees the commissions', () => {
  it('nobody else: another person’s list holds none of them, and the operator’s view is refused', async () => {
    await setContentCredit('split');
    const stranger = await t.signUp();
    const order = await buy(await t.signUp(), { postId: 'post-a' }, { shareBy: sharer });
    expect(await onOrder(stranger, order.id)).toEqual([]);
    expect((await onOrder(sharer, order.id)).map((c) => c.role)).toEqual(['sharer']);
    const operatorView = await t.request('GET', '/api/admin/commissions', { token: stranger.token });
    expect(operatorView.statusCode).toBe(403);
  });
});

describe('the setting', () => {
  it('defaults to sharer (no saved rules, and rows saved before it existed) and refuses anything else', async () => {
    await t.db.query('DELETE FROM distribution_settings');
    const get = () => t.request('GET', '/api/admin/distribution/settings', { token: admin.token });
    expect((await get()).json()).toMatchObject({ contentCredit: 'sharer' });
    // A row as an operator saved it before the setting existed takes the column's default.
    await t.db.query(
      `INSERT INTO distribution_settings (id, max_levels, rates_bps, attribution, binding_days, new_users_only,
         cap_bps, min_withdrawal, updated_at) VALUES (1, 2, '{1000,500}', 'first_binding', NULL, false, 3000, 1, now())`,
    );
    expect((await get()).json()).toMatchObject({ contentCredit: 'sharer', maxLevels: 2 });
    const bad = await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { contentCredit: 'everyone' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
