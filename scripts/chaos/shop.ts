import { randomUUID } from 'node:crypto';
import { must } from './http.js';

export const CHAOS_ADMIN = { email: 'chaos-admin@fission.test', password: 'chaos-admin-password' };

export interface ChaosShop {
  adminToken: string;
  variants: { id: string; price: number; initialStock: number }[];
  /** The group-buy campaign and the variant it sells. */
  campaign: { id: string; variantId: string; groupSize: number };
  promoter: { token: string; slug: string };
  buyers: string[];
}

/** A shop to run against: products, a group-buy campaign, a shopkeeper with a store, buyers. */
export async function openShop(url: string, options: { buyers: number; stock: number }): Promise<ChaosShop> {
  const run = randomUUID().slice(0, 8);
  const { token: adminToken } = await must<{ token: string }>(200, url, 'POST', '/api/auth/login', {
    body: CHAOS_ADMIN,
  });
  const prices = [4900, 12900, 2350];
  const variants = [];
  for (const [i, price] of prices.entries()) {
    const product = await must<{ variants: { id: string }[] }>(201, url, 'POST', '/api/admin/products', {
      token: adminToken,
      body: {
        title: `Chaos product ${i + 1}`,
        variants: [{ sku: `CHAOS-${run}-${i}`, price, stock: options.stock }],
      },
    });
    variants.push({ id: product.variants[0]!.id, price, initialStock: options.stock });
  }
  const groupVariant = variants[1]!;
  const groupSize = 3;
  const campaign = await must<{ id: string }>(201, url, 'POST', '/api/admin/group-buys', {
    token: adminToken,
    body: { variantId: groupVariant.id, groupSize, price: 9900, durationMinutes: 30 },
  });

  const promoterToken = await register(url, `promoter-${run}`);
  await must(201, url, 'POST', '/api/shopkeepers', { token: promoterToken });
  const slug = `chaos-${run}`;
  await must(201, url, 'POST', '/api/stores', { token: promoterToken, body: { name: 'Chaos store', slug } });
  await must(200, url, 'PUT', '/api/me/payout-details', {
    token: promoterToken,
    body: { method: 'alipay', holderName: 'Chen Jie', account: '138 0013 8000' },
  });

  const buyers: string[] = [];
  for (let i = 0; i < options.buyers; i++) buyers.push(await register(url, `buyer${i}-${run}`));
  return {
    adminToken,
    variants,
    campaign: { id: campaign.id, variantId: groupVariant.id, groupSize },
    promoter: { token: promoterToken, slug },
    buyers,
  };
}

async function register(url: string, name: string): Promise<string> {
  const session = await must<{ token: string }>(201, url, 'POST', '/api/auth/register', {
    body: { email: `${name}@chaos.test`, password: 'chaos buyer pass', name },
  });
  return session.token;
}
