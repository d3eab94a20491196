/**
 * Content that sells, in the demo: Zhao Lei buys the Longjing from Lin Xiaomei's first post, and
 * Chen Jie buys the golden bud pinned in her live room. Both orders carry their source, so Lin
 * Xiaomei earns on them as the author and the host, and the post's stats show a sale. Paid
 * through the sandbox, so they exist only when it is on.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { Order } from '../modules/orders/index.js';
import { demoShippingAddresses, payDemoOrder } from './orders.js';
import type { DemoPerson } from './people.js';

type Services = BuiltApp['services'];

export const demoContentOrders = {
  post: { buyer: 'buyer3', slug: 'west-lake-longjing' },
  live: { buyer: 'buyer1', slug: 'yunnan-golden-bud' },
} as const;

export async function seedDemoContentOrders(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
  sources: { postId: string; liveRoomId: string },
): Promise<Order[]> {
  if (!services.sandbox) return [];
  const buy = async (
    which: keyof typeof demoContentOrders,
    source: { postId: string } | { liveRoomId: string },
  ) => {
    const { buyer: key, slug } = demoContentOrders[which];
    const buyer = people.get(key);
    const variant = products.get(slug)?.variants[0];
    if (!buyer || !variant) throw new Error(`The demo has no ${key} or no ${slug}`);
    const placed = await services.orders.placeOrder(buyer.id, {
      items: [{ variantId: variant.id, quantity: 1 }],
      address: demoShippingAddresses[key],
      ...source,
    });
    return payDemoOrder(services, placed.body, slug);
  };
  return [
    await buy('post', { postId: sources.postId }),
    await buy('live', { liveRoomId: sources.liveRoomId }),
  ];
}
