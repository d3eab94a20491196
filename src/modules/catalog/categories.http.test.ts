import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AdminCategory, PublicCategory } from './category-schemas.js';
import type { Product } from './service.js';

let t: TestApp;
let admin: string;
let buyer: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
  buyer = (await t.signUp()).token;
});
afterAll(() => t.close());

const names = (en: string, zh: string) => ({ en, 'zh-CN': zh });

async function createCategory(body: Record<string, unknown>): Promise<AdminCategory> {
  const res = await t.request('POST', '/api/admin/categories', { token: admin, body });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<AdminCategory>();
}

async function createProduct(category: string | null): Promise<Product> {
  const body = { title: 'Item', category, variants: [{ sku: `C-${randomUUID()}`, price: 100, stock: 1 }] };
  const res = await t.request('POST', '/api/admin/products', { token: admin, body });
  if (res.statusCode !== 201) throw new Error(`product failed: ${res.statusCode} ${res.body}`);
  return res.json<Product>();
}

const adminList = async () =>
  (await t.request('GET', '/api/admin/categories', { token: admin })).json<{ items: AdminCategory[] }>()
    .items;
const publicList = async () =>
  (await t.request('GET', '/api/categories')).json<{ items: PublicCategory[] }>().items;
const slugs = async () => (await adminList()).map((c) => c.slug);

describe('managed categories', () => {
  it('creates categories with names in both languages, an icon and a place, slug from the English name', async () => {
    const tea = await createCategory({ names: names('Tea & Coffee', '茶与咖啡'), icon: 'cup' });
    expect(tea).toMatchObject({
      slug: 'tea-and-coffee',
      names: names('Tea & Coffee', '茶与咖啡'),
      icon: 'cup',
      position: 0,
      products: 0,
      allProducts: 0,
    });
    const snacks = await createCategory({ slug: 'snacks', names: names(' Snacks ', '零食') });
    expect(snacks).toMatchObject({
      slug: 'snacks',
      names: names('Snacks', '零食'),
      icon: 'tag',
      position: 1,
    });
    const first = await createCategory({ names: names('Fresh', '生鲜'), icon: 'leaf', position: 0 });
    expect(first.position).toBe(0);
    expect(await slugs()).toEqual(['fresh', 'tea-and-coffee', 'snacks']);
    expect((await adminList()).map((c) => c.position)).toEqual([0, 1, 2]);
  });

  it('refuses a slug that exists with 409 category_taken', async () => {
    const res = await t.request('POST', '/api/admin/categories', {
      token: admin,
      body: { slug: 'Snacks', names: names('More snacks', '更多零食') },
    });
    expect(expectProblem(res, 409)).toMatchObject({ reason: 'category_taken', params: { slug: 'snacks' } });
  });

  it('answers field errors for blank names, an unknown icon, unknown keys and a name without letters', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ names: names('  ', '茶') }, '/names/en'],
      [{ names: { en: 'Tea' } }, '/names/zh-CN'],
      [{ names: names('Tea', '茶'), icon: 'https://example.com/x.png' }, '/icon'],
      [{ names: names('Tea', '茶'), colour: 'red' }, '/colour'],
      [{ names: names('!!!', '茶') }, '/names/en'],
      [{ names: names('Tea', '茶'), position: -1 }, '/position'],
    ];
    for (const [body, path] of cases) {
      const res = await t.request('POST', '/api/admin/categories', { token: admin, body });
      const problem = expectProblem(res, 400);
      expect(problem.reason).toBe('invalid_input');
      expect(errorPaths(problem), JSON.stringify(body)).toContain(path);
    }
  });

  it('edits names and icon, keeping the slug, and moves a category to a new place', async () => {
    const res = await t.request('PATCH', '/api/admin/categories/snacks', {
      token: admin,
      body: { names: names('Snacks & sweets', '零食甜点'), icon: 'cookie', position: 0 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<AdminCategory>()).toMatchObject({
      slug: 'snacks',
      names: names('Snacks & sweets', '零食甜点'),
      icon: 'cookie',
      position: 0,
    });
    expect(await slugs()).toEqual(['snacks', 'fresh', 'tea-and-coffee']);
    const last = await t.request('PATCH', '/api/admin/categories/snacks', {
      token: admin,
      body: { position: 99 },
    });
    expect(last.json<AdminCategory>().position).toBe(2);
    expect(await slugs()).toEqual(['fresh', 'tea-and-coffee', 'snacks']);
    expectProblem(
      await t.request('PATCH', '/api/admin/categories/nope', { token: admin, body: { icon: 'tag' } }),
      404,
    );
    const bad = await t.request('PATCH', '/api/admin/categories/snacks', {
      token: admin,
      body: { icon: 'rocket' },
    });
    expect(errorPaths(expectProblem(bad, 400))).toContain('/icon');
  });

  it('reorders with the full list, and names what is wrong with a partial one', async () => {
    const res = await t.request('PUT', '/api/admin/categories/order', {
      token: admin,
      body: { slugs: ['tea-and-coffee', 'snacks', 'fresh'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: AdminCategory[] }>().items.map((c) => [c.slug, c.position])).toEqual([
      ['tea-and-coffee', 0],
      ['snacks', 1],
      ['fresh', 2],
    ]);
    const wrong: [string[], string, string][] = [
      [['tea-and-coffee', 'snacks'], '/slugs/2', 'missingCategories'],
      [['tea-and-coffee', 'tea-and-coffee', 'fresh'], '/slugs/1', 'unique'],
      [['tea-and-coffee', 'snacks', 'fresh', 'ghost'], '/slugs/3', 'unknownCategory'],
    ];
    for (const [order, path, rule] of wrong) {
      const problem = expectProblem(
        await t.request('PUT', '/api/admin/categories/order', { token: admin, body: { slugs: order } }),
        400,
      );
      expect(problem.errors?.[0]).toMatchObject({ path, rule });
    }
    expect(await slugs()).toEqual(['tea-and-coffee', 'snacks', 'fresh']);
  });

  it('lists in-use categories publicly in order with display names and active product counts', async () => {
    await createProduct('snacks');
    await createProduct('snacks');
    const archived = await createProduct('tea-and-coffee');
    await t.request('POST', `/api/admin/products/${archived.id}/archive`, { token: admin });
    await createProduct('Fresh');
    expect(await publicList()).toEqual([
      {
        slug: 'snacks',
        products: 2,
        names: names('Snacks & sweets', '零食甜点'),
        icon: 'cookie',
        position: 1,
      },
      { slug: 'fresh', products: 1, names: names('Fresh', '生鲜'), icon: 'leaf', position: 2 },
    ]);
    const tea = (await adminList()).find((c) => c.slug === 'tea-and-coffee');
    expect(tea).toMatchObject({ products: 0, allProducts: 1 });
  });

  it('makes a category for a new slug a product brings, named after it and last', async () => {
    const product = await createProduct('Home & Kitchen');
    expect(product.category).toBe('home-and-kitchen');
    const made = (await adminList()).at(-1);
    expect(made).toMatchObject({
      slug: 'home-and-kitchen',
      names: names('Home and kitchen', 'Home and kitchen'),
    });
    expect(made?.position).toBe(3);
  });

  it('refuses to delete a category a product uses (archived ones too), and deletes an unused one', async () => {
    for (const [slug, products] of [
      ['snacks', 2],
      ['tea-and-coffee', 1],
    ] as const) {
      const res = await t.request('DELETE', `/api/admin/categories/${slug}`, { token: admin });
      expect(expectProblem(res, 409)).toMatchObject({
        reason: 'category_in_use',
        params: { slug, products },
      });
    }
    const unused = await createCategory({ names: names('Garden', '园艺'), position: 1 });
    const res = await t.request('DELETE', `/api/admin/categories/${unused.slug}`, { token: admin });
    expect(res.statusCode).toBe(204);
    expect(await slugs()).toEqual(['tea-and-coffee', 'snacks', 'fresh', 'home-and-kitchen']);
    expect((await adminList()).map((c) => c.position)).toEqual([0, 1, 2, 3]);
    expectProblem(await t.request('DELETE', '/api/admin/categories/garden', { token: admin }), 404);
  });

  it('keeps the operator routes for admins: 401 without a token, 403 for a buyer', async () => {
    const routes: ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown][] = [
      ['GET', '/api/admin/categories', undefined],
      ['POST', '/api/admin/categories', { names: names('X', 'X') }],
      ['PATCH', '/api/admin/categories/snacks', { icon: 'star' }],
      ['PUT', '/api/admin/categories/order', { slugs: [] }],
      ['DELETE', '/api/admin/categories/fresh', undefined],
    ];
    for (const [method, url, body] of routes) {
      expectProblem(await t.request(method, url, { body }), 401);
      expectProblem(await t.request(method, url, { token: buyer, body }), 403);
    }
    expect(await slugs()).toEqual(['tea-and-coffee', 'snacks', 'fresh', 'home-and-kitchen']);
  });
  it(`never answers 5xx when a delete races products saved into the category ${RACE}`, async () => {
    for (let round = 0; round < 8; round++) {
      const { slug } = await createCategory({ names: names(`Race ${round}`, `竞速 ${round}`), icon: 'tag' });
      const body = {
        title: 'Racer',
        category: slug,
        variants: [{ sku: `R-${randomUUID()}`, price: 100, stock: 1 }],
      };
      const [deleted, ...created] = await Promise.all([
        t.request('DELETE', `/api/admin/categories/${slug}`, { token: admin }),
        ...[0, 1, 2].map(() =>
          t.request('POST', '/api/admin/products', {
            token: admin,
            body: { ...body, variants: [{ ...body.variants[0], sku: `R-${randomUUID()}` }] },
          }),
        ),
      ]);
      expect(created.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      // Either the delete came first (and the products made the category again) or it met them.
      expect([204, 409]).toContain(deleted!.statusCode);
      expect(await slugs()).toContain(slug);
    }
  });
});
