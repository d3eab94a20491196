import type { AppDeps } from '../../../src/app.js';
import type { ProductInput } from '../../../src/modules/catalog/service.js';
import { createTestApp } from '../../support/test-app.js';

/** A small catalog: two categories, a multi-variant product and one that is sold out. */
export const SEED_PRODUCTS: ProductInput[] = [
  {
    title: 'Jasmine Green Tea',
    description: 'Spring-picked green tea scented with jasmine blossoms.',
    category: 'tea',
    variants: [
      { sku: 'TEA-JAS-50', title: '50 g tin', price: 2990, stock: 20 },
      { sku: 'TEA-JAS-100', title: '100 g tin', price: 5200, stock: 10 },
    ],
  },
  {
    title: 'Oolong Gift Box',
    description: 'Tieguanyin oolong in a gift box.',
    category: 'tea',
    variants: [{ sku: 'TEA-OOL-BOX', title: 'Gift box', price: 12800, stock: 5 }],
  },
  {
    title: 'Bamboo Cutting Board',
    description: 'Solid bamboo, oiled, 40 × 28 cm.',
    category: 'kitchen',
    variants: [{ sku: 'KIT-BOARD', title: 'Large', price: 8900, stock: 15 }],
  },
  {
    title: 'Ceramic Teapot',
    description: 'Hand-thrown, 450 ml.',
    category: 'kitchen',
    variants: [{ sku: 'KIT-POT', title: 'White', price: 15900, stock: 0 }],
  },
];

export type Shop = Awaited<ReturnType<typeof startShop>>;

/**
 * The whole application in this process on a random port, serving the built web app, on a fresh
 * database with the seed catalog and the admin (admin@fission.test / admin-password). `env` adds
 * settings (Stripe, say) and `deps` a transport for Stripe.
 */
export async function startShop(
  options: { env?: Record<string, string>; deps?: Pick<AppDeps, 'stripeHttpClient' | 'mailer'> } = {},
) {
  const t = await createTestApp(options.env, undefined, options.deps);
  const products = [];
  for (const input of SEED_PRODUCTS) products.push(await t.services.catalog.createProduct(input));
  await t.signInAdmin();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    t,
    products,
    baseUrl: address,
    admin: { email: 'admin@fission.test', password: 'admin-password' },
    close: () => t.close(),
  };
}
