import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Page } from '../../platform/http/pagination.js';
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

let skuSeq = 0;
const sku = () => `SKU-${++skuSeq}-${randomUUID().slice(0, 8)}`;
const validProduct = (overrides: Record<string, unknown> = {}) => ({
  title: 'Jasmine tea',
  variants: [{ sku: sku(), title: '250 g', price: 4900, stock: 10 }],
  ...overrides,
});

async function createProduct(overrides: Record<string, unknown> = {}): Promise<Product> {
  const res = await t.request('POST', '/api/admin/products', { token: admin, body: validProduct(overrides) });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<Product>();
}

const list = (query: string, token?: string) =>
  t.request('GET', `/api/products${query}`, { token }).then((res) => {
    expect(res.statusCode).toBe(200);
    return res.json<Page<Product>>();
  });

describe('POST /api/admin/products', () => {
  describe('happy', () => {
    it('answers 201 with the product, its variants and price summary', async () => {
      const res = await t.request('POST', '/api/admin/products', {
        token: admin,
        body: {
          title: '  Oolong  ',
          description: 'Roasted',
          images: ['https://img.example.com/a.jpg', '/uploads/b.jpg'],
          category: 'Tea & Coffee',
          commissionRateBps: 1500,
          variants: [
            { sku: 'OOLONG-S', title: 'Small', price: 1200, stock: 0 },
            { sku: 'OOLONG-L', price: 3000, stock: 4 },
          ],
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        title: 'Oolong',
        description: 'Roasted',
        images: ['https://img.example.com/a.jpg', '/uploads/b.jpg'],
        category: 'tea-and-coffee',
        status: 'active',
        commissionRateBps: 1500,
        leaderRateBps: null,
        repurchase: false,
        variants: [
          { id: expect.any(String), sku: 'OOLONG-S', title: 'Small', price: 1200, stock: 0 },
          { id: expect.any(String), sku: 'OOLONG-L', title: '', price: 3000, stock: 4 },
        ],
        minPrice: 1200,
        maxPrice: 3000,
        inStock: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });
  });

  describe('security', () => {
    it('answers 401 to anonymous callers and 403 to buyers', async () => {
      expectProblem(await t.request('POST', '/api/admin/products', { body: validProduct() }), 401);
      expectProblem(
        await t.request('POST', '/api/admin/products', { token: buyer, body: validProduct() }),
        403,
      );
    });

    it('checks the role before the body, so a stranger learns nothing from a 400', async () => {
      const invalid = { title: 12, variants: 'none' };
      expectProblem(await t.request('POST', '/api/admin/products', { token: buyer, body: invalid }), 403);
      expectProblem(await t.request('POST', '/api/admin/products', { body: invalid }), 401);
    });
  });

  describe('errors', () => {
    const invalidCases: [string, Record<string, unknown>, string][] = [
      ['a negative price', { variants: [{ sku: 'N-1', price: -1, stock: 1 }] }, '/variants/0/price'],
      ['a fractional price', { variants: [{ sku: 'F-1', price: 12.5, stock: 1 }] }, '/variants/0/price'],
      ['stock as a string', { variants: [{ sku: 'S-1', price: 100, stock: '5' }] }, '/variants/0/stock'],
      ['no variants', { variants: [] }, '/variants'],
      ['an unknown key', { colour: 'red' }, '/colour'],
      ['a blank title', { title: '   ' }, '/title'],
      ['a commission above 100%', { commissionRateBps: 10_001 }, '/commissionRateBps'],
      ['a leader rate below 0', { leaderRateBps: -1 }, '/leaderRateBps'],
      ['an image that is not a URL', { images: ['javascript:alert(1)'] }, '/images/0'],
    ];
    it.each(invalidCases)('answers 400 to %s', async (_name, overrides, path) => {
      const res = await t.request('POST', '/api/admin/products', {
        token: admin,
        body: validProduct(overrides),
      });
      expect(errorPaths(expectProblem(res, 400))).toContain(path);
    });

    it('answers 400 to a SKU used twice in one product', async () => {
      const twice = sku();
      const res = await t.request('POST', '/api/admin/products', {
        token: admin,
        body: validProduct({
          variants: [
            { sku: twice, price: 100, stock: 1 },
            { sku: twice, price: 200, stock: 1 },
          ],
        }),
      });
      const problem = expectProblem(res, 400);
      expect(errorPaths(problem)).toEqual(['/variants/1/sku']);
      expect(problem.errors?.[0]).toMatchObject({ rule: 'unique' });
    });

    it('answers 409 to a SKU another product already uses, and creates nothing', async () => {
      const taken = (await createProduct()).variants[0]?.sku;
      const before = (await list('?limit=100')).items.length;
      const res = await t.request('POST', '/api/admin/products', {
        token: admin,
        body: validProduct({ title: 'Copycat', variants: [{ sku: taken, price: 1, stock: 1 }] }),
      });
      expect(expectProblem(res, 409)).toMatchObject({ reason: 'sku_taken', params: { sku: taken } });
      expect((await list('?limit=100')).items.length).toBe(before);
    });
  });
});

describe('GET /api/products', () => {
  let catalog: TestApp;
  let catalogAdmin: string;
  const created: Product[] = [];
  beforeAll(async () => {
    // A catalog of its own so counts are exact.
    catalog = await createTestApp();
    catalogAdmin = (await catalog.signInAdmin()).token;
    const make = async (body: Record<string, unknown>) => {
      const res = await catalog.request('POST', '/api/admin/products', {
        token: catalogAdmin,
        body: validProduct(body),
      });
      created.push(res.json<Product>());
    };
    for (let i = 0; i < 7; i++) await make({ title: `Plain item ${i}`, category: i % 2 ? 'Home' : 'Garden' });
    await make({ title: 'GREEN Tea', description: 'leaves' });
    await make({ title: 'Mug', description: 'for green tea lovers' });
    await make({ title: '50% off bundle', description: 'half_price' });
    await make({ title: '50 cups', description: 'halfXprice' });
  });
  afterAll(() => catalog.close());

  const get = async (query: string) => {
    const res = await catalog.request('GET', `/api/products${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<Page<Product>>();
  };
  const titles = (page: Page<Product>) => page.items.map((p) => p.title).sort();

  it('walks every product with limit and cursor, newest first, without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Product> = await get(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(created.map((p) => p.id).reverse());
  });

  it('defaults to 20 items and ends with a null cursor', async () => {
    const page = await get('');
    expect(page.items).toHaveLength(created.length);
    expect(page.nextCursor).toBeNull();
  });

  it('searches title and description case-insensitively', async () => {
    expect(titles(await get('?q=green%20TEA'))).toEqual(['GREEN Tea', 'Mug']);
  });

  it('treats % and _ in a search as literal characters, not wildcards', async () => {
    // Words match too now ("50" is a word of "50 cups"), but the literal match ranks first and a
    // wildcard would have matched every product.
    const percent = await get('?q=50%25');
    expect(percent.items[0]?.title).toBe('50% off bundle');
    expect(titles(percent).filter((t) => t.startsWith('Plain'))).toEqual([]);
    const underscore = await get('?q=half_price');
    expect(underscore.items[0]?.title).toBe('50% off bundle');
    expect(titles(underscore).filter((t) => t.startsWith('Plain'))).toEqual([]);
  });

  it('filters by category slug, also when given a name', async () => {
    expect((await get('?category=home')).items).toHaveLength(3);
    expect((await get('?category=Garden')).items).toHaveLength(4);
    expect((await get('?category=nothing')).items).toEqual([]);
  });

  it('answers 400 to a cursor it did not issue and to a limit out of 1..100', async () => {
    for (const query of ['?cursor=not-a-cursor', '?cursor=%7B%7D', '?limit=0', '?limit=101', '?limit=abc']) {
      expectProblem(await catalog.request('GET', `/api/products${query}`), 400);
    }
  });
});

describe('GET /api/products/:id', () => {
  it('answers the product, and 404 to an unknown id', async () => {
    const product = await createProduct();
    const res = await t.request('GET', `/api/products/${product.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(product);
    expectProblem(await t.request('GET', `/api/products/${randomUUID()}`), 404);
  });
});

describe('archive and restore', () => {
  it('hides an archived product from the public but not from admins', async () => {
    const product = await createProduct({ title: 'Seasonal mooncake' });
    const archived = await t.request('POST', `/api/admin/products/${product.id}/archive`, { token: admin });
    expect(archived.json()).toMatchObject({ id: product.id, status: 'archived' });

    expectProblem(await t.request('GET', `/api/products/${product.id}`), 404);
    expect((await list('?q=mooncake')).items).toEqual([]);
    const adminView = await t.request('GET', `/api/admin/products/${product.id}`, { token: admin });
    expect(adminView.json()).toMatchObject({ status: 'archived' });
    const adminList = await t.request('GET', '/api/admin/products?q=mooncake', { token: admin });
    expect(adminList.json<Page<Product>>().items.map((p) => p.id)).toEqual([product.id]);
    const activeOnly = await t.request('GET', '/api/admin/products?q=mooncake&includeArchived=false', {
      token: admin,
    });
    expect(activeOnly.json<Page<Product>>().items).toEqual([]);

    await t.request('POST', `/api/admin/products/${product.id}/restore`, { token: admin });
    expect((await t.request('GET', `/api/products/${product.id}`)).statusCode).toBe(200);
  });

  it('archiving twice or restoring an active product changes nothing (through the product machine)', async () => {
    const product = await createProduct();
    const archive = () => t.request('POST', `/api/admin/products/${product.id}/archive`, { token: admin });
    expect((await archive()).json()).toMatchObject({ status: 'archived' });
    expect((await archive()).json()).toMatchObject({ status: 'archived' });
    const restore = () => t.request('POST', `/api/admin/products/${product.id}/restore`, { token: admin });
    expect((await restore()).json()).toMatchObject({ status: 'active' });
    expect((await restore()).json()).toMatchObject({ status: 'active' });
  });

  it('answers 404 for an unknown product and 403 to buyers', async () => {
    expectProblem(
      await t.request('POST', `/api/admin/products/${randomUUID()}/archive`, { token: admin }),
      404,
    );
    const product = await createProduct();
    expectProblem(
      await t.request('POST', `/api/admin/products/${product.id}/archive`, { token: buyer }),
      403,
    );
    expectProblem(await t.request('GET', `/api/admin/products/${product.id}`, { token: buyer }), 403);
    expectProblem(await t.request('GET', '/api/admin/products'), 401);
  });
});

describe('PATCH /api/admin/products/:id', () => {
  it('updates fields, updates variants by id and adds variants without id', async () => {
    const product = await createProduct({ category: 'tea' });
    const [first] = product.variants;
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: {
        title: 'Jasmine tea, new harvest',
        category: null,
        variants: [
          { id: first?.id, sku: first?.sku, title: '250 g', price: 5200 },
          { sku: sku(), title: '500 g', price: 9000, stock: 2 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json<Product>();
    expect(updated).toMatchObject({
      title: 'Jasmine tea, new harvest',
      category: null,
      minPrice: 5200,
      maxPrice: 9000,
    });
    expect(updated.variants.map((v) => [v.id === first?.id, v.price, v.stock])).toEqual([
      [true, 5200, 10],
      [false, 9000, 2],
    ]);
  });

  it('leaves fields it is not given as they were', async () => {
    const product = await createProduct({ description: 'keep me', commissionRateBps: 700 });
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: { title: 'Renamed' },
    });
    expect(res.json()).toMatchObject({
      title: 'Renamed',
      description: 'keep me',
      commissionRateBps: 700,
      variants: product.variants,
    });
  });

  it('treats a category with no letters or digits as none, on create and on update alike', async () => {
    const product = await createProduct({ category: '!!!' });
    expect(product.category).toBeNull();
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: { category: '***' },
    });
    expect(res.json<Product>().category).toBeNull();
  });

  it('answers 400 to a variant id that is not this product’s', async () => {
    const product = await createProduct();
    const other = await createProduct();
    const foreign = other.variants[0];
    for (const id of [randomUUID(), foreign?.id]) {
      const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
        token: admin,
        body: { variants: [{ id, sku: sku(), price: 1 }] },
      });
      expect(errorPaths(expectProblem(res, 400))).toEqual(['/variants/0/id']);
    }
    const untouched = await t.request('GET', `/api/products/${other.id}`);
    expect(untouched.json<Product>().variants).toEqual(other.variants);
  });

  it('answers 400 to an unknown key, 404 to an unknown product, 403 to buyers', async () => {
    const product = await createProduct();
    const unknownKey = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: { status: 'archived' },
    });
    expect(errorPaths(expectProblem(unknownKey, 400))).toContain('/status');
    expectProblem(
      await t.request('PATCH', `/api/admin/products/${randomUUID()}`, { token: admin, body: { title: 'x' } }),
      404,
    );
    expectProblem(
      await t.request('PATCH', `/api/admin/products/${product.id}`, { token: buyer, body: { title: 'x' } }),
      403,
    );
  });

  it('answers 409 to a SKU another product uses', async () => {
    const product = await createProduct();
    const taken = (await createProduct()).variants[0]?.sku;
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: { variants: [{ sku: taken, price: 1, stock: 1 }] },
    });
    expectProblem(res, 409);
  });
});

describe('GET /api/categories', () => {
  it('counts active products per category slug, in the order the categories were made', async () => {
    const fresh = await createTestApp();
    try {
      const token = (await fresh.signInAdmin()).token;
      for (const category of ['Tea', 'tea', 'Cups']) {
        await fresh.request('POST', '/api/admin/products', { token, body: validProduct({ category }) });
      }
      const res = await fresh.request('GET', '/api/categories');
      expect(res.json()).toMatchObject({
        items: [
          { slug: 'tea', products: 2, names: { en: 'Tea', 'zh-CN': 'Tea' }, icon: 'tag', position: 0 },
          { slug: 'cups', products: 1, names: { en: 'Cups', 'zh-CN': 'Cups' }, icon: 'tag', position: 1 },
        ],
      });
    } finally {
      await fresh.close();
    }
  });
});
