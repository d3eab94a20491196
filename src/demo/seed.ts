import type { BuiltApp } from '../app.js';
import type { Database } from '../platform/db.js';

/** Loads the demo shop into an empty database; does nothing when products already exist. */
export async function seedDemoShop(services: BuiltApp['services'], db: Database) {
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*) AS count FROM products')) as [
    { count: number },
  ];
  if (count > 0) return null;
  await services.catalog.createProduct({
    title: 'Demo tea set',
    category: 'home',
    variants: [{ sku: 'DEMO-TEA', price: 12900, stock: 50 }],
  });
  return { products: 1 };
}
