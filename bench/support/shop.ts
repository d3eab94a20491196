import { randomUUID } from 'node:crypto';
import type { Api } from './http.js';
import { ADMIN } from './server.js';

interface Session {
  token: string;
}

interface CreatedProduct {
  id: string;
  variants: { id: string; stock: number }[];
}

export const adminToken = async (api: Api) =>
  (await api.expect<Session>(200, 'POST', '/api/auth/login', { body: ADMIN })).token;

/** A one-variant product through the admin API; returns the variant's id. */
export async function createProduct(api: Api, admin: string, title: string, stock: number): Promise<string> {
  const product = await api.expect<CreatedProduct>(201, 'POST', '/api/admin/products', {
    token: admin,
    body: {
      title,
      category: 'bench',
      variants: [{ sku: `BENCH-${randomUUID().slice(0, 8)}`, title: 'Standard', price: 1990, stock }],
    },
  });
  const variant = product.variants[0];
  if (!variant) throw new Error(`product ${title} was created without a variant`);
  return variant.id;
}

/** Stock of one variant as the storefront shows it. */
export async function stockOf(api: Api, productVariant: string): Promise<number> {
  const products = await api.expect<{ items: CreatedProduct[] }>(
    200,
    'GET',
    '/api/products?category=bench&limit=100',
  );
  const variant = products.items.flatMap((p) => p.variants).find((v) => v.id === productVariant);
  if (!variant) throw new Error(`variant ${productVariant} is not in the storefront`);
  return variant.stock;
}

/**
 * Registers `count` buyers through the public API, `parallel` at a time (each costs the server an
 * argon2id hash), and returns their bearer tokens.
 */
export async function registerBuyers(api: Api, count: number, parallel: number): Promise<string[]> {
  const tokens: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const session = await api.expect<Session>(201, 'POST', '/api/auth/register', {
        body: {
          email: `buyer${n}-${randomUUID().slice(0, 8)}@bench.test`,
          password: 'bench buyer pass',
          name: `Buyer ${n}`,
        },
      });
      tokens.push(session.token);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return tokens;
}

/** One checkout of `quantity` units, as the web app sends it (with an Idempotency-Key). */
export const placeOrder = (api: Api, token: string, variantId: string, quantity = 1) =>
  api.call('POST', '/api/orders', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { items: [{ variantId, quantity }] },
  });
