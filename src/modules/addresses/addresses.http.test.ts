import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import { MAX_ADDRESSES } from './rules.js';
import type { Address } from './schemas.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOME = {
  name: '陈杰',
  phone: '+86 138-0013-8000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  line1: '文三路 90 号 3 幢 501',
  postalCode: '310012',
};

const book = async (token: string) => {
  const res = await t.request('GET', '/api/me/addresses', { token });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Address[]; max: number }>();
};
const save = async (token: string, body: Record<string, unknown> = {}) => {
  const res = await t.request('POST', '/api/me/addresses', { token, body: { ...HOME, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Address>();
};
const defaults = async (token: string) => (await book(token)).items.filter((a) => a.isDefault);

describe('the address book', () => {
  it('happy: saves, lists (default first), edits and deletes; the first address is the default', async () => {
    const { token } = await t.signUp();
    expect(await book(token)).toEqual({ items: [], nextCursor: null, max: MAX_ADDRESSES });
    const home = await save(token);
    expect(home).toMatchObject({ ...HOME, line2: null, country: null, isDefault: true });
    const office = await save(token, { line1: '学院路 28 号', district: null });
    expect(office).toMatchObject({ isDefault: false, district: null });
    expect((await book(token)).items.map((a) => a.id)).toEqual([home.id, office.id]);

    const edited = await t.request('PATCH', `/api/me/addresses/${office.id}`, {
      token,
      body: { line2: '  ', district: '拱墅区', phone: '0571 8888 6666' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Address>()).toMatchObject({
      line2: null,
      district: '拱墅区',
      phone: '0571 8888 6666',
    });

    const deleted = await t.request('DELETE', `/api/me/addresses/${office.id}`, { token });
    expect(deleted.statusCode).toBe(204);
    expect((await book(token)).items.map((a) => a.id)).toEqual([home.id]);
  });

  it('happy: one default at a time; asking again changes nothing; a new one may start as default', async () => {
    const { token } = await t.signUp();
    const a = await save(token);
    const b = await save(token);
    const made = await t.request('POST', `/api/me/addresses/${b.id}/default`, { token });
    expect(made.statusCode).toBe(200);
    expect(made.json<Address>().isDefault).toBe(true);
    expect((await defaults(token)).map((x) => x.id)).toEqual([b.id]);
    expect((await t.request('POST', `/api/me/addresses/${b.id}/default`, { token })).statusCode).toBe(200);
    expect((await defaults(token)).map((x) => x.id)).toEqual([b.id]);
    const c = await save(token, { isDefault: true });
    expect((await defaults(token)).map((x) => x.id)).toEqual([c.id]);
    expect((await book(token)).items.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
  });

  it('happy: deleting the default makes the one used last the default; deleting the last leaves none', async () => {
    const { token } = await t.signUp();
    const a = await save(token);
    const b = await save(token);
    const c = await save(token);
    await t.request('PATCH', `/api/me/addresses/${b.id}`, { token, body: { line2: 'Gate 2' } });
    await t.request('DELETE', `/api/me/addresses/${a.id}`, { token });
    expect((await defaults(token)).map((x) => x.id)).toEqual([b.id]);
    await t.request('DELETE', `/api/me/addresses/${c.id}`, { token });
    expect((await defaults(token)).map((x) => x.id)).toEqual([b.id]);
    await t.request('DELETE', `/api/me/addresses/${b.id}`, { token });
    expect(await book(token)).toMatchObject({ items: [] });
    expect((await save(token)).isDefault).toBe(true);
  });

  it(`keeps exactly one default when two "make default" race ${RACE}`, async () => {
    const { token } = await t.signUp();
    const saved = [await save(token), await save(token), await save(token)];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        saved.map((a) => t.request('POST', `/api/me/addresses/${a.id}/default`, { token })),
      );
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(await defaults(token)).toHaveLength(1);
    }
  });

  it(`keeps one default when the first two addresses are saved at once ${RACE}`, async () => {
    const { token } = await t.signUp();
    const results = await Promise.all(
      [0, 1, 2].map(() => t.request('POST', '/api/me/addresses', { token, body: HOME })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(await defaults(token)).toHaveLength(1);
  });

  it('error: field errors for missing fields and a phone that is not one', async () => {
    const { token } = await t.signUp();
    const missing = await t.request('POST', '/api/me/addresses', { token, body: { name: 'Chen' } });
    expect(errorPaths(expectProblem(missing, 400)).sort()).toEqual(['/city', '/line1', '/phone'].sort());
    for (const phone of ['12', 'call me', '138 0013 80a0', '+', '1'.repeat(21)]) {
      const bad = await t.request('POST', '/api/me/addresses', { token, body: { ...HOME, phone } });
      const problem = expectProblem(bad, 400);
      expect(
        problem.errors?.map((e) => e.path),
        phone,
      ).toContain('/phone');
    }
    const blank = await t.request('POST', '/api/me/addresses', { token, body: { ...HOME, city: '   ' } });
    expect(errorPaths(expectProblem(blank, 400))).toEqual(['/city']);
    const noProvince = await t.request('POST', '/api/me/addresses', {
      token,
      body: { ...HOME, province: undefined, district: undefined },
    });
    expect(noProvince.json<Address>()).toMatchObject({ province: null, district: null });
    const saved = await save(token);
    const emptyPatch = await t.request('PATCH', `/api/me/addresses/${saved.id}`, { token, body: {} });
    expect(emptyPatch.json()).toEqual(saved);
    const clearRequired = await t.request('PATCH', `/api/me/addresses/${saved.id}`, {
      token,
      body: { city: null },
    });
    expect(errorPaths(expectProblem(clearRequired, 400))).toContain('/city');
  });

  it(`error: at most ${MAX_ADDRESSES} addresses: 422 address_limit`, async () => {
    const { token } = await t.signUp();
    for (let i = 0; i < MAX_ADDRESSES; i++) await save(token, { line1: `Road ${i}` });
    const over = await t.request('POST', '/api/me/addresses', { token, body: HOME });
    expect(expectProblem(over, 422)).toMatchObject({
      reason: 'address_limit',
      params: { max: MAX_ADDRESSES },
    });
    expect((await book(token)).items).toHaveLength(MAX_ADDRESSES);
  });

  it('security: another person’s token is 404 on every address route and changes nothing; no token is 401', async () => {
    const owner = await t.signUp();
    const other = await t.signUp();
    const address = await save(owner.token);
    const attempts = [
      t.request('PATCH', `/api/me/addresses/${address.id}`, {
        token: other.token,
        body: { name: 'Mallory' },
      }),
      t.request('DELETE', `/api/me/addresses/${address.id}`, { token: other.token }),
      t.request('POST', `/api/me/addresses/${address.id}/default`, { token: other.token }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 404);
    expect((await book(other.token)).items).toEqual([]);
    expect((await book(owner.token)).items).toEqual([address]);
    expectProblem(await t.request('GET', '/api/me/addresses'), 401);
    expectProblem(await t.request('POST', '/api/me/addresses', { body: HOME }), 401);
  });
});

describe('orders with a saved address', () => {
  const order = (token: string, variantId: string, address: Record<string, unknown>) =>
    t.request('POST', '/api/orders', { token, body: { items: [{ variantId, quantity: 1 }], address } });

  it('happy: an order placed with addressId copies the address; a later edit leaves the order as it was', async () => {
    const { token } = await t.signUp();
    const { variantId } = await createProduct(t);
    const saved = await save(token);
    const placed = await order(token, variantId, { addressId: saved.id });
    expect(placed.statusCode, placed.body).toBe(201);
    const copied = { ...HOME, addressId: saved.id };
    expect(placed.json<Order>().address).toEqual(copied);
    await t.request('PATCH', `/api/me/addresses/${saved.id}`, { token, body: { line1: 'Moved away' } });
    await t.request('DELETE', `/api/me/addresses/${saved.id}`, { token });
    const again = await t.request('GET', `/api/orders/${placed.json<Order>().id}`, { token });
    expect(again.json<Order>().address).toEqual(copied);
  });

  it('happy: the old address shape is still accepted, and province and district are kept when sent', async () => {
    const { token } = await t.signUp();
    const { variantId } = await createProduct(t);
    const old = { name: 'Chen Jie', phone: '13800138000', line1: '90 Wensan Road', city: 'Hangzhou' };
    const placed = await order(token, variantId, old);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>().address).toEqual(old);
    const fuller = await order(token, variantId, { ...old, province: 'Zhejiang', district: 'Xihu' });
    expect(fuller.json<Order>().address).toEqual({ ...old, province: 'Zhejiang', district: 'Xihu' });
  });

  it('error: another person’s addressId is 404; fields beside addressId or missing ones are field errors', async () => {
    const owner = await t.signUp();
    const other = await t.signUp();
    const { variantId } = await createProduct(t);
    const saved = await save(owner.token);
    expectProblem(await order(other.token, variantId, { addressId: saved.id }), 404);
    const mixed = await order(owner.token, variantId, { addressId: saved.id, name: 'Someone' });
    expect(expectProblem(mixed, 400).errors).toEqual([
      expect.objectContaining({ path: '/address/name', rule: 'additionalProperties' }),
    ]);
    const incomplete = await order(owner.token, variantId, { name: 'Chen', phone: '13800138000' });
    expect(errorPaths(expectProblem(incomplete, 400))).toEqual(['/address/line1', '/address/city']);
  });
});
