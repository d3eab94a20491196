import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { PublicUser } from '../accounts/service.js';
import type { Product } from '../catalog/service.js';
import { MAX_LISTED_PRODUCTS } from './rules.js';
import type { Listing, ShopkeeperStatus, Store, StorePage } from './service.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

let seq = 0;
const uniqueSlug = (prefix = 'shop') => `${prefix}-${++seq}-${randomUUID().slice(0, 6)}`;

async function createProduct(app: TestApp, token: string, title = 'Jasmine tea'): Promise<Product> {
  const res = await app.request('POST', '/api/admin/products', {
    token,
    body: { title, variants: [{ sku: `SKU-${randomUUID()}`, price: 4900, stock: 10 }] },
  });
  if (res.statusCode !== 201) throw new Error(`create product failed: ${res.statusCode} ${res.body}`);
  return res.json<Product>();
}

async function newShopkeeper(name?: string) {
  const session = await t.signUp(name ? { name } : {});
  const res = await t.request('POST', '/api/shopkeepers', { token: session.token });
  expect(res.statusCode).toBe(201);
  return session;
}

async function openStore(token: string, body: Record<string, unknown> = {}): Promise<Store> {
  const res = await t.request('POST', '/api/stores', {
    token,
    body: { name: 'Tea corner', slug: uniqueSlug(), ...body },
  });
  if (res.statusCode !== 201) throw new Error(`open store failed: ${res.statusCode} ${res.body}`);
  return res.json<Store>();
}

const list = (token: string, storeId: string, productId: string) =>
  t.request('PUT', `/api/stores/${storeId}/products/${productId}`, { token, body: {} });
const unlist = (token: string, storeId: string, productId: string) =>
  t.request('DELETE', `/api/stores/${storeId}/products/${productId}`, { token });
const storePage = async (slug: string) => {
  const res = await t.request('GET', `/api/stores/${slug}`);
  expect(res.statusCode).toBe(200);
  return res.json<StorePage>();
};

describe('POST /api/shopkeepers', () => {
  it('happy: makes the user a shopkeeper at once, seen in /api/me', async () => {
    const { token, user } = await t.signUp();
    const res = await t.request('POST', '/api/shopkeepers', { token });
    expect(res.statusCode).toBe(201);
    const body = res.json<ShopkeeperStatus>();
    expect(body.status).toBe('approved');
    expect(body.user).toMatchObject({ id: user.id, roles: ['shopkeeper'] });
    const me = await t.request('GET', '/api/me', { token });
    expect(me.json<PublicUser>().roles).toEqual(['shopkeeper']);
  });

  it('happy: asking twice is harmless', async () => {
    const { token } = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token });
    const again = await t.request('POST', '/api/shopkeepers', { token });
    expect(again.statusCode).toBe(201);
    expect(again.json<ShopkeeperStatus>()).toMatchObject({
      status: 'approved',
      user: { roles: ['shopkeeper'] },
    });
  });

  it('happy: keeps roles the user already has', async () => {
    const res = await t.request('POST', '/api/shopkeepers', { token: admin });
    expect(res.json<ShopkeeperStatus>().user.roles).toEqual(['admin', 'shopkeeper']);
  });

  it('security: 401 without a token', async () => {
    expectProblem(await t.request('POST', '/api/shopkeepers'), 401);
  });
});

describe('shopkeeper approval (SHOPKEEPER_APPROVAL=on)', () => {
  let approving: TestApp;
  let operator: string;
  beforeAll(async () => {
    approving = await createTestApp({ SHOPKEEPER_APPROVAL: 'on' });
    operator = (await approving.signInAdmin()).token;
  });
  afterAll(() => approving.close());

  const pending = async () => {
    const res = await approving.request('GET', '/api/admin/shopkeepers?status=pending', { token: operator });
    expect(res.statusCode).toBe(200);
    return res.json<{
      items: { userId: string; status: string; email: string }[];
      nextCursor: string | null;
    }>();
  };

  it('happy: files a pending application that an administrator approves', async () => {
    const { token, user } = await approving.signUp();
    const standing = async () =>
      (await approving.request('GET', '/api/me/shopkeeper', { token })).json<{ status: string }>().status;
    expect(await standing()).toBe('none');
    const applied = await approving.request('POST', '/api/shopkeepers', { token });
    expect(await standing()).toBe('pending');
    expect(applied.statusCode).toBe(201);
    expect(applied.json<ShopkeeperStatus>()).toMatchObject({ status: 'pending', user: { roles: [] } });
    // Not a shopkeeper yet: cannot open a store, and is told the application waits.
    const early = expectProblem(
      await approving.request('POST', '/api/stores', { token, body: { name: 'Early', slug: uniqueSlug() } }),
      403,
    );
    expect(early).toMatchObject({ reason: 'shopkeeper_approval_pending' });
    // Asking again changes nothing and files no second application.
    expect(
      (await approving.request('POST', '/api/shopkeepers', { token })).json<ShopkeeperStatus>().status,
    ).toBe('pending');
    const queue = await pending();
    expect(queue.items.filter((a) => a.userId === user.id)).toEqual([
      expect.objectContaining({ userId: user.id, status: 'pending', email: user.email }),
    ]);

    const approved = await approving.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, {
      token: operator,
    });
    expect(approved.statusCode).toBe(200);
    expect(await standing()).toBe('approved');
    expect(approved.json<ShopkeeperStatus>()).toMatchObject({
      status: 'approved',
      user: { roles: ['shopkeeper'] },
    });
    expect((await approving.request('GET', '/api/me', { token })).json<PublicUser>().roles).toEqual([
      'shopkeeper',
    ]);
    expect((await pending()).items.map((a) => a.userId)).not.toContain(user.id);
    // Approving twice is harmless.
    const twice = await approving.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, {
      token: operator,
    });
    expect(twice.statusCode).toBe(200);
    const store = await approving.request('POST', '/api/stores', {
      token,
      body: { name: 'Now', slug: uniqueSlug() },
    });
    expect(store.statusCode).toBe(201);
  });

  it('happy: pages through the queue oldest first', async () => {
    for (let i = 0; i < 3; i++) {
      await approving.request('POST', '/api/shopkeepers', { token: (await approving.signUp()).token });
    }
    const first = await approving.request('GET', '/api/admin/shopkeepers?status=pending&limit=2', {
      token: operator,
    });
    const page = first.json<{ items: { userId: string }[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await approving.request(
      'GET',
      `/api/admin/shopkeepers?status=pending&limit=2&cursor=${page.nextCursor}`,
      {
        token: operator,
      },
    );
    const rest = next.json<{ items: { userId: string }[] }>().items.map((a) => a.userId);
    expect(rest.length).toBeGreaterThan(0);
    for (const id of rest) expect(page.items.map((a) => a.userId)).not.toContain(id);
  });

  it('errors: approving someone who never applied is 404; a bad status filter is 400', async () => {
    const { user } = await approving.signUp();
    expectProblem(
      await approving.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, { token: operator }),
      404,
    );
    expectProblem(
      await approving.request('GET', '/api/admin/shopkeepers?status=banned', { token: operator }),
      400,
    );
  });

  it('security: only administrators list and approve applications', async () => {
    const { token, user } = await approving.signUp();
    await approving.request('POST', '/api/shopkeepers', { token });
    expectProblem(await approving.request('GET', '/api/admin/shopkeepers?status=pending', { token }), 403);
    expectProblem(
      await approving.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, { token }),
      403,
    );
    expectProblem(await approving.request('POST', `/api/admin/shopkeepers/${user.id}/approve`), 401);
    expect((await approving.request('GET', '/api/me', { token })).json<PublicUser>().roles).toEqual([]);
  });
});

describe('POST /api/stores', () => {
  it('happy: opens a store with name, slug, logo and intro', async () => {
    const { token, user } = await newShopkeeper();
    const slug = uniqueSlug();
    const res = await t.request('POST', '/api/stores', {
      token,
      body: { name: '  Tea corner ', slug, logo: 'https://img.example.com/logo.png', intro: 'Fresh leaves' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      slug,
      name: 'Tea corner',
      logo: 'https://img.example.com/logo.png',
      intro: 'Fresh leaves',
      ownerId: user.id,
      createdAt: expect.any(String),
    });
  });

  it('happy: takes the slug in lowercase; logo and intro are optional', async () => {
    const { token } = await newShopkeeper();
    const slug = uniqueSlug();
    const store = await openStore(token, { slug: ` ${slug.toUpperCase()} ` });
    expect(store).toMatchObject({ slug, logo: null, intro: null });
    expect((await storePage(slug.toUpperCase())).id).toBe(store.id);
  });

  it('errors: a second store of the same shopkeeper is 409', async () => {
    const { token } = await newShopkeeper();
    const first = await openStore(token);
    const problem = expectProblem(
      await t.request('POST', '/api/stores', { token, body: { name: 'Two', slug: uniqueSlug() } }),
      409,
    );
    expect(problem).toMatchObject({ reason: 'one_store_per_shopkeeper', params: { storeId: first.id } });
  });

  it('errors: a taken slug is 409', async () => {
    const slug = uniqueSlug();
    await openStore((await newShopkeeper()).token, { slug });
    const other = await newShopkeeper();
    const problem = expectProblem(
      await t.request('POST', '/api/stores', {
        token: other.token,
        body: { name: 'Copy', slug: ` ${slug.toUpperCase()} ` },
      }),
      409,
    );
    expect(problem).toMatchObject({ reason: 'slug_taken', params: { slug } });
  });

  it('errors: a malformed, too short, too long or reserved slug is 400 on /slug', async () => {
    const { token } = await newShopkeeper();
    for (const slug of [
      'no spaces',
      'ab',
      'a'.repeat(41),
      'under_score',
      '-dash',
      'admin',
      'api',
      'stores',
    ]) {
      const problem = expectProblem(
        await t.request('POST', '/api/stores', { token, body: { name: 'X', slug } }),
        400,
      );
      expect(errorPaths(problem)).toEqual(['/slug']);
    }
    // Each with a rule the web words: no English reaches the form.
    const ruleOf = async (slug: string) =>
      expectProblem(await t.request('POST', '/api/stores', { token, body: { name: 'X', slug } }), 400)
        .errors?.[0];
    expect(await ruleOf('ab')).toMatchObject({ rule: 'minLength', params: { limit: 3 } });
    expect(await ruleOf('a'.repeat(41))).toMatchObject({ rule: 'maxLength', params: { limit: 40 } });
    expect(await ruleOf('under_score')).toMatchObject({ rule: 'pattern' });
    expect(await ruleOf('admin')).toMatchObject({ rule: 'reserved' });
  });

  it('errors: missing name, blank name, unknown fields and a javascript: logo are 400', async () => {
    const { token } = await newShopkeeper();
    const post = (body: Record<string, unknown>) => t.request('POST', '/api/stores', { token, body });
    expect(errorPaths(expectProblem(await post({ slug: uniqueSlug() }), 400))).toContain('/name');
    expect(errorPaths(expectProblem(await post({ name: '  ', slug: uniqueSlug() }), 400))).toContain('/name');
    expect(
      errorPaths(expectProblem(await post({ name: 'X', slug: uniqueSlug(), ownerId: 'x' }), 400)),
    ).toContain('/ownerId');
    expect(
      errorPaths(
        expectProblem(await post({ name: 'X', slug: uniqueSlug(), logo: 'javascript:alert(1)' }), 400),
      ),
    ).toContain('/logo');
  });

  it('security: a signed-in user who is not a shopkeeper gets 403; anonymous gets 401', async () => {
    const { token } = await t.signUp();
    const problem = expectProblem(
      await t.request('POST', '/api/stores', { token, body: { name: 'X', slug: uniqueSlug() } }),
      403,
    );
    expect(problem).toMatchObject({ reason: 'shopkeeper_required' });
    expectProblem(await t.request('POST', '/api/stores', { body: { name: 'X', slug: uniqueSlug() } }), 401);
  });
});

describe('PATCH /api/stores/:id and GET /api/me/store', () => {
  it('happy: the owner changes name, logo and intro, and reads the store back', async () => {
    const { token } = await newShopkeeper();
    const store = await openStore(token, { intro: 'Old' });
    const res = await t.request('PATCH', `/api/stores/${store.id}`, {
      token,
      body: { name: 'Renamed', logo: '/uploads/logo.png', intro: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...store, name: 'Renamed', logo: '/uploads/logo.png', intro: null });
    const mine = await t.request('GET', '/api/me/store', { token });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual(res.json());
  });

  it('errors: the slug cannot be changed; GET /api/me/store without a store is 404', async () => {
    const { token } = await newShopkeeper();
    expectProblem(await t.request('GET', '/api/me/store', { token }), 404);
    const store = await openStore(token);
    expectProblem(
      await t.request('PATCH', `/api/stores/${store.id}`, { token, body: { slug: uniqueSlug() } }),
      400,
    );
  });

  it("security: another user's store is 404; anonymous is 401", async () => {
    const store = await openStore((await newShopkeeper()).token);
    const stranger = await newShopkeeper();
    expectProblem(
      await t.request('PATCH', `/api/stores/${store.id}`, { token: stranger.token, body: { name: 'Mine' } }),
      404,
    );
    expectProblem(
      await t.request('PATCH', `/api/stores/${store.id}`, { token: admin, body: { name: 'Mine' } }),
      404,
    );
    expectProblem(await t.request('PATCH', `/api/stores/${store.id}`, { body: { name: 'Mine' } }), 401);
    expectProblem(await t.request('GET', '/api/me/store'), 401);
    expect((await storePage(store.slug)).name).toBe('Tea corner');
  });
});

describe('listing products', () => {
  it('happy: lists and unlists a product idempotently; the public page follows', async () => {
    const { token } = await newShopkeeper();
    const store = await openStore(token);
    const product = await createProduct(t, admin);
    for (let i = 0; i < 2; i++) {
      const res = await list(token, store.id, product.id);
      expect(res.statusCode).toBe(200);
      expect(res.json<Listing>()).toEqual({ storeId: store.id, productId: product.id, listed: true });
    }
    expect((await storePage(store.slug)).products.map((p) => p.id)).toEqual([product.id]);
    for (let i = 0; i < 2; i++) {
      const res = await unlist(token, store.id, product.id);
      expect(res.statusCode).toBe(200);
      expect(res.json<Listing>()).toEqual({ storeId: store.id, productId: product.id, listed: false });
    }
    expect((await storePage(store.slug)).products).toEqual([]);
  });

  it('happy: a PUT without a body lists the product too', async () => {
    const { token } = await newShopkeeper();
    const store = await openStore(token);
    const product = await createProduct(t, admin);
    const res = await t.request('PUT', `/api/stores/${store.id}/products/${product.id}`, { token });
    expect(res.statusCode).toBe(200);
  });

  it('errors: an unknown product is 404, an archived one 409 product_archived; a body with fields is 400', async () => {
    const { token } = await newShopkeeper();
    const store = await openStore(token);
    expectProblem(await list(token, store.id, randomUUID()), 404);
    const archived = await createProduct(t, admin);
    await t.request('POST', `/api/admin/products/${archived.id}/archive`, { token: admin });
    expect(expectProblem(await list(token, store.id, archived.id), 409)).toMatchObject({
      reason: 'product_archived',
      params: { productId: archived.id },
    });
    const product = await createProduct(t, admin);
    expectProblem(
      await t.request('PUT', `/api/stores/${store.id}/products/${product.id}`, {
        token,
        body: { featured: true },
      }),
      400,
    );
  });

  it(`errors: a store lists at most ${MAX_LISTED_PRODUCTS} products (422); relisting one stays fine`, async () => {
    const { token, user } = await newShopkeeper();
    const store = await openStore(token);
    const { catalog, stores } = t.services;
    const products = [];
    for (let i = 0; i <= MAX_LISTED_PRODUCTS; i++) {
      products.push(
        await catalog.createProduct({
          title: `Bulk ${i}`,
          variants: [{ sku: `BULK-${randomUUID()}`, price: 100, stock: 1 }],
        }),
      );
    }
    const [extra, ...allowed] = products;
    for (const product of allowed) await stores.listProduct(user.id, store.id, product.id);
    expect(expectProblem(await list(token, store.id, extra?.id ?? ''), 422)).toMatchObject({
      reason: 'store_listing_limit',
      params: { max: MAX_LISTED_PRODUCTS },
    });
    expect((await list(token, store.id, allowed[0]?.id ?? '')).statusCode).toBe(200);
    expect((await storePage(store.slug)).products).toHaveLength(MAX_LISTED_PRODUCTS);
  });

  it("security: another user's store is 404 for listing and unlisting; anonymous is 401", async () => {
    const owner = await newShopkeeper();
    const store = await openStore(owner.token);
    const product = await createProduct(t, admin);
    await list(owner.token, store.id, product.id);
    const stranger = await newShopkeeper();
    const other = await createProduct(t, admin);
    expectProblem(await list(stranger.token, store.id, other.id), 404);
    expectProblem(await unlist(stranger.token, store.id, product.id), 404);
    expectProblem(await list(admin, store.id, other.id), 404);
    expectProblem(await list('', store.id, other.id), 401);
    expectProblem(await unlist('', store.id, product.id), 401);
    expect((await storePage(store.slug)).products.map((p) => p.id)).toEqual([product.id]);
  });
});

describe('GET /api/stores/:slug and /api/stores/by-id/:id', () => {
  it('happy: shows the store, its owner and only its active listed products, newest listing first', async () => {
    const { token, user } = await newShopkeeper('Mei');
    const store = await openStore(token, { name: 'Mei tea', logo: '/logo.png', intro: 'Hello' });
    const green = await createProduct(t, admin, 'Green tea');
    const black = await createProduct(t, admin, 'Black tea');
    await createProduct(t, admin, 'Not listed');
    await list(token, store.id, green.id);
    await list(token, store.id, black.id);

    const page = await storePage(store.slug);
    expect(page).toEqual({
      id: store.id,
      slug: store.slug,
      name: 'Mei tea',
      logo: '/logo.png',
      intro: 'Hello',
      owner: { id: user.id, name: 'Mei' },
      products: [black, green].map((p) => ({ ...p, updatedAt: expect.any(String) })),
    });
    expect(JSON.stringify(page)).not.toContain(user.email);

    const byId = await t.request('GET', `/api/stores/by-id/${store.id}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(page);
  });

  it('happy: an archived product disappears from the page and comes back when restored', async () => {
    const { token } = await newShopkeeper();
    const store = await openStore(token);
    const product = await createProduct(t, admin);
    await list(token, store.id, product.id);
    await t.request('POST', `/api/admin/products/${product.id}/archive`, { token: admin });
    expect((await storePage(store.slug)).products).toEqual([]);
    await t.request('POST', `/api/admin/products/${product.id}/restore`, { token: admin });
    expect((await storePage(store.slug)).products.map((p) => p.id)).toEqual([product.id]);
  });

  it('errors: an unknown slug or id is 404', async () => {
    expectProblem(await t.request('GET', `/api/stores/${uniqueSlug('nobody')}`), 404);
    expectProblem(await t.request('GET', `/api/stores/by-id/${randomUUID()}`), 404);
  });
});

describe('service functions for other modules', () => {
  it('find stores by slug or id and tell which products a store lists', async () => {
    const { token, user } = await newShopkeeper();
    const store = await openStore(token);
    const [listed, notListed] = [await createProduct(t, admin), await createProduct(t, admin)];
    await list(token, store.id, listed.id);
    const { stores } = t.services;
    const ref = { id: store.id, slug: store.slug, name: store.name, ownerId: user.id };
    expect(await stores.findStoreBySlug(t.db, store.slug)).toEqual(ref);
    expect(await stores.findStoreById(t.db, store.id)).toEqual(ref);
    expect(await stores.findStoreBySlug(t.db, uniqueSlug('none'))).toBeUndefined();
    expect(await stores.findStoreById(t.db, randomUUID())).toBeUndefined();
    const answer = await t.db.transaction((tx) =>
      stores.storeListsProducts(tx, store.id, [listed.id, notListed.id, randomUUID()]),
    );
    expect(answer).toEqual(new Set([listed.id]));
    expect(await stores.storeListsProducts(t.db, store.id, [])).toEqual(new Set());
  });
});
