/**
 * Three weeks of browsing by the demo people (views and add-to-carts in the categories each of them
 * shops), then one training, so that "for you" on the home page is alive right after the demo
 * start: Chen Jie sees what Wang Fang (whom he invited) and Lin Xiaomei bought, and products
 * wanted with those he looked at. Purchases come from the demo's own orders (orders.ts).
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';

type Services = BuiltApp['services'];
const DAY = 86_400_000;
const DAYS = 21;

/** What each demo person browses, by category slug. */
const INTERESTS: Record<string, readonly string[]> = {
  shopkeeper: ['tea', 'snacks'],
  buyer1: ['tea', 'kitchen'],
  buyer2: ['snacks', 'beauty'],
  buyer3: ['tea', 'digital'],
};

export async function seedDemoRecommendations(
  services: Services,
  people: ReadonlyMap<string, PublicUser>,
  products: ReadonlyMap<string, Product>,
  now: Date,
): Promise<{ browsing: number }> {
  const rows: { userId: string; productId: string; kind: 'view' | 'cart'; at: Date }[] = [];
  let n = 0;
  for (const [key, categories] of Object.entries(INTERESTS)) {
    const user = people.get(key);
    if (!user) continue;
    const pool = [...products.values()].filter((p) => p.category && categories.includes(p.category));
    if (pool.length === 0) continue;
    for (let day = DAYS; day >= 1; day--) {
      // Two to four products a day, spread over the day, walking the pool at a person's own pace.
      for (let visit = 0; visit < 2 + (day % 3); visit++) {
        n += 1;
        const product = pool[(n * 7 + day * 3 + key.length) % pool.length] as Product;
        const at = new Date(now.getTime() - day * DAY + (9 + visit * 3) * 3_600_000);
        rows.push({ userId: user.id, productId: product.id, kind: 'view', at });
        if (n % 5 === 0) rows.push({ userId: user.id, productId: product.id, kind: 'cart', at });
      }
    }
  }
  await services.recommendations.importActivity(rows);
  await services.recommendations.trainNow();
  return { browsing: rows.length };
}
