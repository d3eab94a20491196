/**
 * The demo's flash sales (秒杀): a power bank on sale now, with a few units already taken (Zhao
 * Lei bought one), and earbuds opening in three hours, so the home page shows a stock bar and both
 * countdowns.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { payDemoOrder } from './orders.js';

type Services = BuiltApp['services'];
const HOUR = 3_600_000;

export const demoFlashSales = [
  {
    product: 'fast-charge-power-bank',
    /** Off the regular price, in minor units. */
    discount: 5000,
    quantity: 50,
    perUserLimit: 2,
    // Opened an hour ago and runs for a fortnight, so a newcomer finds it on.
    opensInHours: -1,
    hours: 14 * 24,
  },
  {
    product: 'noise-cancelling-earbuds',
    discount: 10_000,
    quantity: 20,
    perUserLimit: 1,
    opensInHours: 3,
    hours: 2,
  },
] as const;

export async function seedDemoFlashSales(
  services: Services,
  buyer: PublicUser | undefined,
  products: ReadonlyMap<string, Product>,
  now: Date,
): Promise<{ flashSales: number }> {
  const created = [];
  for (const sale of demoFlashSales) {
    const variant = products.get(sale.product)?.variants[0];
    if (!variant) throw new Error(`The demo catalog has no ${sale.product}`);
    const startsAt = new Date(now.getTime() + sale.opensInHours * HOUR);
    created.push(
      await services.flashSales.createSale({
        variantId: variant.id,
        price: variant.price - sale.discount,
        quantity: sale.quantity,
        perUserLimit: sale.perUserLimit,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + sale.hours * HOUR).toISOString(),
      }),
    );
  }
  const live = created[0];
  if (buyer && live && services.sandbox) {
    const placed = await services.orders.placeOrder(buyer.id, {
      items: [{ variantId: live.variantId, quantity: 1 }],
      flashSale: { saleId: live.id },
    });
    await payDemoOrder(services, placed.body, 'a flash sale');
  }
  return { flashSales: created.length };
}
