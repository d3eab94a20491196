import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createMallItem, givePoints, redeem } from '../../../test/support/points-mall.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const reasonsOf = (answers: { statusCode: number; json(): { reason?: string } }[]) =>
  answers.map((a) => (a.statusCode === 201 ? 201 : `${a.statusCode} ${a.json().reason}`)).sort();

const mallStock = async (itemId: string) =>
  (await t.request('GET', `/api/admin/points-mall/items/${itemId}`, { token: admin.token })).json<{
    stock: number;
    redeemed: number;
  }>();

describe('redeeming at once', () => {
  it(`many people on the last few units: never oversold, points spent only with a unit ${RACE}`, async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 100, stock: 3 });
    const people = await Promise.all(Array.from({ length: 12 }, () => t.signUp()));
    for (const p of people) await givePoints(t, p.user.id, 150);
    const answers = await Promise.all(people.map((p) => redeem(t, p.token, item.id)));
    expect(reasonsOf(answers)).toEqual([...Array(3).fill(201), ...Array(9).fill('409 mall_sold_out')]);
    expect(await mallStock(item.id)).toMatchObject({ stock: 0, redeemed: 3 });
    const balances = await Promise.all(people.map((p) => balanceOf(t, p.token)));
    expect(balances).toEqual(answers.map((a) => (a.statusCode === 201 ? 50 : 150)));
  });

  it(`a product item's last units: one order per unit, the variant's stock matches ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const item = await createMallItem(t, admin.token, {
      kind: 'product',
      variantId,
      costPoints: 10,
      stock: 2,
    });
    const people = await Promise.all(Array.from({ length: 6 }, () => t.signUp()));
    for (const p of people) await givePoints(t, p.user.id, 10);
    const address = { name: 'Li Wei', phone: '13800138000', city: 'Hangzhou', line1: '1 West Lake Rd' };
    const answers = await Promise.all(people.map((p) => redeem(t, p.token, item.id, { address })));
    expect(reasonsOf(answers)).toEqual([201, 201, ...Array(4).fill('409 mall_sold_out')]);
    expect(await stockOf(t, variantId)).toBe(8);
    const orders = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM orders WHERE provider = 'points' AND user_id = ANY($1)",
      [people.map((p) => p.user.id)],
    );
    expect(orders[0]?.n).toBe(2);
  });

  it(`one person tapping many times: the per-person limit holds ${RACE}`, async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 10, stock: 50, perPersonLimit: 2 });
    const me = await t.signUp();
    await givePoints(t, me.user.id, 1000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => redeem(t, me.token, item.id)));
    expect(reasonsOf(answers)).toEqual([201, 201, ...Array(4).fill('409 mall_limit_reached')]);
    expect(await balanceOf(t, me.token)).toBe(980);
    expect(await mallStock(item.id)).toMatchObject({ stock: 48, redeemed: 2 });
  });

  it(`one person with points for two, many taps: the balance never goes below zero ${RACE}`, async () => {
    const item = await createMallItem(t, admin.token, { costPoints: 40, stock: 50 });
    const me = await t.signUp();
    await givePoints(t, me.user.id, 100);
    const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(t, me.token, item.id)));
    expect(reasonsOf(answers)).toEqual([201, 201, ...Array(3).fill('422 not_enough_points')]);
    expect(await balanceOf(t, me.token)).toBe(20);
    expect(await mallStock(item.id)).toMatchObject({ stock: 48, redeemed: 2 });
  });
});
