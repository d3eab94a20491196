import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type { PublicUser } from '../modules/accounts/service.js';
import type { Product } from '../modules/catalog/service.js';
import { projectPath } from '../platform/paths.js';
import { demoAdmin, demoPeople } from './people.js';
import { seedDemoShop } from './seed.js';

let t: TestApp;
let products: Product[];
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoShop(t.services, t.db);
  products = (await t.request('GET', '/api/products?limit=100')).json<{ items: Product[] }>().items;
});
afterAll(() => t.close());

const signIn = (email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

describe('demo shop', () => {
  it('lists 30+ products across at least five categories', async () => {
    expect(products.length).toBeGreaterThanOrEqual(30);
    const categories = (await t.request('GET', '/api/categories')).json<{ items: { slug: string }[] }>();
    expect(categories.items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(products.map((p) => p.category)).size).toBe(categories.items.length);
  });

  it('gives every product a description and 1-3 sellable variants with unique SKUs', () => {
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    for (const product of products) {
      expect(product.description.length).toBeGreaterThan(40);
      expect(product.variants.length).toBeGreaterThanOrEqual(1);
      expect(product.variants.length).toBeLessThanOrEqual(3);
      for (const variant of product.variants) {
        expect(Number.isInteger(variant.price) && variant.price > 0).toBe(true);
        expect(Number.isInteger(variant.stock) && variant.stock >= 0).toBe(true);
      }
    }
    expect(products.filter((p) => p.inStock).length).toBeGreaterThanOrEqual(30);
  });

  it('points every image at a picture shipped in web/public', () => {
    const images = products.flatMap((p) => p.images);
    expect(images.length).toBeGreaterThanOrEqual(products.length);
    for (const image of images) {
      expect(image).toMatch(/^\/demo\/[a-z0-9-]+\.svg$/);
      expect(existsSync(projectPath('web', 'public', image)), image).toBe(true);
    }
  });

  it('opens the storefront on a mix of categories', () => {
    expect(new Set(products.slice(0, 6).map((p) => p.category)).size).toBe(6);
  });

  it('lets every demo person sign in, with the shopkeeper role and the invitation chain', async () => {
    const users = new Map<string, PublicUser>();
    for (const person of demoPeople) {
      const res = await signIn(person.email, person.password);
      expect(res.statusCode, person.email).toBe(200);
      users.set(person.key, res.json<{ user: PublicUser }>().user);
    }
    expect(users.get('shopkeeper')?.roles).toContain('shopkeeper');
    expect(users.get('buyer1')?.invitedBy).toBe(users.get('shopkeeper')?.id);
    expect(users.get('buyer2')?.invitedBy).toBe(users.get('buyer1')?.id);
    const admin = await signIn(demoAdmin.email, demoAdmin.password);
    expect(admin.json<{ user: PublicUser }>().user.roles).toContain('admin');
  });

  it('does nothing the second time', async () => {
    expect(await seedDemoShop(t.services, t.db)).toBeNull();
    const again = (await t.request('GET', '/api/products?limit=100')).json<{ items: Product[] }>();
    expect(again.items.length).toBe(products.length);
  });
});

describe('demo shop with an operator-configured administrator', () => {
  it('creates no demo administrator when one already exists', async () => {
    const app = await createTestApp();
    try {
      await app.services.accounts.ensureAdmin('operator@example.com', 'operator-password');
      const summary = await seedDemoShop(app.services, app.db);
      expect(summary?.accounts).not.toContain(demoAdmin.email);
      const res = await app.request('POST', '/api/auth/login', { body: demoAdmin });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
