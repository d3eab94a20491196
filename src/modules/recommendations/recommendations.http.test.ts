import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Product } from '../catalog/index.js';
import type { Training } from './schemas.js';

/** API.md, Recommendations: served from precomputed candidates and fresh purchases, with reasons. */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
type Item = { product: Product; reason: { type: string; text: string } };

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

const recommendationsOf = async (person: Person | null, query = '', headers: Record<string, string> = {}) => {
  const res = await t.request('GET', `/api/recommendations${query}`, { token: person?.token, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items;
};

/** Paid orders' purchases are recorded by a deferred reaction: run it, then train. */
async function retrain() {
  await t.jobs.runDue();
  expect(await t.services.recommendations.trainNow()).not.toBeNull();
}

const follow = async (who: Person, whom: Person) =>
  expect(
    (await t.request('POST', `/api/users/${whom.user.id}/followers`, { token: who.token })).statusCode,
  ).toBe(200);

const product = (title: string, stock = 20) => createProduct(t, { title, stock });

describe('GET /api/recommendations', () => {
  it('validates limit with a 400 problem naming the field', async () => {
    for (const limit of ['0', '51', 'many', '-3', '2.5']) {
      const res = await t.request('GET', `/api/recommendations?limit=${limit}`);
      const problem = expectProblem(res, 400);
      expect(problem.reason).toBe('invalid_input');
      expect(errorPaths(problem)).toContain('/querystring/limit');
    }
  });

  it('shows a friend’s purchase made after the last training as "friends bought", in the person’s language', async () => {
    const [me, friend, second, stranger] = await Promise.all([
      t.signUp({ name: 'Me Lin' }),
      t.signUp({ name: 'Wang Fang' }),
      t.signUp({ name: 'Second Friend' }),
      t.signUp({ name: 'Stranger Zhao' }),
    ]);
    await follow(me, friend);
    // Followed the other way round: a follow links both people.
    await follow(second, me);
    const { product: teapot, variantId } = await product('Friends teapot');
    const { product: strangers, variantId: strangersVariant } = await product('A stranger’s kettle');
    await retrain();
    await placePaidOrder(t, friend.token, variantId);
    await placePaidOrder(t, stranger.token, strangersVariant);
    await t.jobs.runDue();

    let items = await recommendationsOf(me);
    expect(items[0]).toMatchObject({
      product: { id: teapot.id },
      reason: { type: 'friends_bought', text: 'Wang Fang bought this' },
    });
    expect(items.find((i) => i.product.id === strangers.id)?.reason.type).not.toBe('friends_bought');

    await placePaidOrder(t, second.token, variantId);
    await t.jobs.runDue();
    items = await recommendationsOf(me);
    expect(items[0]?.reason).toEqual({ type: 'friends_bought', text: '2 friends bought this' });

    expect(
      (await t.request('PUT', '/api/me/language', { token: me.token, body: { language: 'zh-CN' } }))
        .statusCode,
    ).toBe(200);
    expect((await recommendationsOf(me))[0]?.reason.text).toBe('2 位好友买过');

    // The stranger's list is their own: they follow nobody, and never see their own purchase back.
    const theirs = await recommendationsOf(stranger);
    expect(theirs.some((i) => i.reason.type === 'friends_bought')).toBe(false);
    expect(theirs.some((i) => i.product.id === strangers.id)).toBe(false);
  });

  it('never shows archived or sold-out products, nor one just bought unless it is a repurchase item', async () => {
    const buyers = await Promise.all([1, 2, 3].map(() => t.signUp()));
    const me = await t.signUp({ name: 'Filter Tester' });
    const friend = buyers[0] as Person;
    await follow(me, friend);
    const archived = await product('Archived jar');
    const soldOut = await product('Sold-out cup');
    const tea = await product('Daily green tea');
    const pot = await product('One-off pot');
    await t.request('PATCH', `/api/admin/products/${tea.product.id}`, {
      token: admin,
      body: { repurchase: true },
    });
    for (const p of [archived, soldOut, tea, pot]) await placePaidOrder(t, friend.token, p.variantId);
    await placePaidOrder(t, me.token, tea.variantId);
    await placePaidOrder(t, me.token, pot.variantId);
    await retrain();

    let ids = (await recommendationsOf(me, '?limit=50')).map((i) => i.product.id);
    expect(ids).toContain(archived.product.id);
    expect(ids).toContain(soldOut.product.id);
    expect(ids).toContain(tea.product.id);
    expect(ids).not.toContain(pot.product.id);

    expect(
      (await t.request('POST', `/api/admin/products/${archived.product.id}/archive`, { token: admin }))
        .statusCode,
    ).toBe(200);
    const zero = await t.request('POST', `/api/admin/variants/${soldOut.variantId}/stock`, {
      token: admin,
      body: { delta: -19, reason: 'broken in the warehouse' },
    });
    expect(zero.statusCode, zero.body).toBe(200);
    ids = (await recommendationsOf(me, '?limit=50')).map((i) => i.product.id);
    expect(ids).not.toContain(archived.product.id);
    expect(ids).not.toContain(soldOut.product.id);
    expect(ids).toContain(tea.product.id);
    expect(ids).not.toContain(pot.product.id);
    // Nor to someone signed out.
    const popular = (await recommendationsOf(null, '?limit=50')).map((i) => i.product.id);
    expect(popular).not.toContain(archived.product.id);
    expect(popular).not.toContain(soldOut.product.id);
  });

  it('gives anonymous visitors popular products, most buyers first, with their category', async () => {
    const hit = await product('Hit of the week');
    for (const buyer of await Promise.all([1, 2, 3, 4].map(() => t.signUp())))
      await placePaidOrder(t, buyer.token, hit.variantId);
    await t.jobs.runDue();
    await retrain();
    const items = await recommendationsOf(null, '?limit=3');
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      product: { id: hit.product.id },
      reason: { type: 'popular_in_category' },
    });
    expect(items[0]?.reason.text).toMatch(/^Popular in /);
    const zh = await recommendationsOf(null, '?limit=1', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh[0]?.reason.text).toMatch(/热卖$/);
    // A newcomer without friends or history gets the same popular list rather than nothing.
    const newcomer = await t.signUp();
    expect((await recommendationsOf(newcomer, '?limit=1'))[0]?.product.id).toBe(hit.product.id);
  });

  it('explains the model’s picks by what the person bought, and learns views', async () => {
    const brush = await product('Tea brush');
    const tray = await product('Tea tray');
    const fans = await Promise.all([1, 2, 3].map(() => t.signUp()));
    for (const fan of fans) {
      await placePaidOrder(t, fan.token, brush.variantId);
      await placePaidOrder(t, fan.token, tray.variantId);
    }
    const me = await t.signUp();
    await placePaidOrder(t, me.token, brush.variantId);
    const looker = await t.signUp();
    const viewed = await t.request('POST', '/api/recommendations/activity', {
      token: looker.token,
      body: { productId: brush.product.id, kind: 'view' },
    });
    expect(viewed.statusCode).toBe(204);
    await t.services.recommendations.flushActivity();
    await retrain();

    const mine = await recommendationsOf(me, '?limit=50');
    expect(mine.find((i) => i.product.id === tray.product.id)?.reason).toEqual({
      type: 'because_you_bought',
      text: 'Because you bought Tea brush',
    });
    const looked = await recommendationsOf(looker, '?limit=50');
    expect(looked.find((i) => i.product.id === tray.product.id)?.reason.type).toBe('because_you_viewed');
    const bad = await t.request('POST', '/api/recommendations/activity', {
      token: looker.token,
      body: { productId: brush.product.id, kind: 'purchase' },
    });
    expect(errorPaths(expectProblem(bad, 400))).toContain('/kind');
    expectProblem(
      await t.request('POST', '/api/recommendations/activity', { body: { productId: 'x', kind: 'view' } }),
      401,
    );

    const also = await t.request('GET', `/api/products/${brush.product.id}/also-bought?limit=5`);
    expect(also.statusCode).toBe(200);
    expect(also.json<{ items: Product[] }>().items[0]?.id).toBe(tray.product.id);
    expect(
      (await t.request('GET', `/api/products/${brush.product.id}/also-bought`)).json<{ items: Product[] }>()
        .items,
    ).not.toContainEqual(expect.objectContaining({ id: brush.product.id }));
    await t.request('POST', `/api/admin/products/${tray.product.id}/archive`, { token: admin });
    const after = await t.request('GET', `/api/products/${brush.product.id}/also-bought`);
    expect(after.json<{ items: Product[] }>().items.map((p) => p.id)).not.toContain(tray.product.id);
    expectProblem(await t.request('GET', '/api/products/nope/also-bought'), 404);
    expect(
      errorPaths(
        expectProblem(await t.request('GET', `/api/products/${brush.product.id}/also-bought?limit=0`), 400),
      ),
    ).toContain('/querystring/limit');
  });
});

describe('GET /api/recommendations/friends-bought', () => {
  it('lists only the products my friends bought, with the count', async () => {
    const [me, a, b] = await Promise.all([t.signUp(), t.signUp({ name: 'Badge Friend' }), t.signUp()]);
    await follow(me, a);
    await follow(me, b);
    const bought = await product('Badge biscuits');
    const other = await product('Nobody’s bowl');
    await retrain();
    await placePaidOrder(t, a.token, bought.variantId);
    await placePaidOrder(t, b.token, bought.variantId);
    await t.jobs.runDue();
    const res = await t.request('GET', '/api/recommendations/friends-bought', { token: me.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [{ productId: bought.product.id, friends: 2, text: '2 friends bought this' }],
    });
    expect(JSON.stringify(res.json())).not.toContain(other.product.id);
    // Someone else's friends are not mine.
    const stranger = await t.signUp();
    const theirs = await t.request('GET', '/api/recommendations/friends-bought', { token: stranger.token });
    expect(theirs.json()).toEqual({ items: [] });
    expectProblem(await t.request('GET', '/api/recommendations/friends-bought'), 401);
  });
});

describe('the console’s trainings', () => {
  it('records each training with its time, memory and held-out Recall, and retrains on request', async () => {
    const buyer = await t.signUp();
    expectProblem(
      await t.request('GET', '/api/admin/recommendations/trainings', { token: buyer.token }),
      403,
    );
    expectProblem(
      await t.request('POST', '/api/admin/recommendations/trainings', { token: buyer.token }),
      403,
    );

    const before = (await t.request('GET', '/api/admin/recommendations/trainings', { token: admin })).json<{
      items: Training[];
    }>().items;
    const queued = await t.request('POST', '/api/admin/recommendations/trainings', { token: admin });
    expect(queued.statusCode).toBe(202);
    await t.request('POST', '/api/admin/recommendations/trainings', { token: admin });
    await t.jobs.runDue();
    const after = (await t.request('GET', '/api/admin/recommendations/trainings', { token: admin })).json<{
      items: Training[];
    }>().items;
    // Asked twice while queued: one training.
    expect(after.length).toBe(Math.min(before.length + 1, 10));
    const last = after[0] as Training;
    expect(last).toMatchObject({ status: 'done', model: expect.any(String), error: null });
    expect(last.durationMs).toBeGreaterThanOrEqual(0);
    expect(last.modelBytes).toBeGreaterThan(0);
    expect(last.heapBytes).toBeGreaterThan(0);
    expect(last.users).toBeGreaterThan(0);
    expect(last.evaluation).toMatchObject({ k: 10, cutoff: expect.any(String) });
  });

  it('measures Recall@K on orders after the cutoff with a model trained before it', async () => {
    // A week passes; then some of the same people buy a product they are likely to: the pair's partner.
    const cup = await product('Eval cup');
    const saucer = await product('Eval saucer');
    const pairs = await Promise.all([1, 2, 3, 4].map(() => t.signUp()));
    for (const p of pairs) {
      await placePaidOrder(t, p.token, cup.variantId);
      await placePaidOrder(t, p.token, saucer.variantId);
    }
    const late = await Promise.all([1, 2].map(() => t.signUp()));
    for (const p of late) await placePaidOrder(t, p.token, cup.variantId);
    await t.jobs.runDue();
    t.clock.advance(8 * 86_400_000);
    for (const p of late) await placePaidOrder(t, p.token, saucer.variantId);
    await retrain();
    const [last] = (await t.request('GET', '/api/admin/recommendations/trainings', { token: admin })).json<{
      items: Training[];
    }>().items;
    expect(last?.evaluation?.testUsers).toBeGreaterThanOrEqual(2);
    expect(last?.evaluation?.recall).toBeGreaterThan(0);
  });
});
