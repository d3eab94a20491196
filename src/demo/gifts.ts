/**
 * The demo's gifts (送礼): Zhao Lei sent Chen Jie rose flower cakes with a note, and Chen Jie
 * claimed them with his home address (which Zhao Lei's order never shows); Chen Jie sent a candle
 * whose link is still waiting for a friend, so his "My gifts" shows a link to send and its
 * deadline. Zhao Lei is the sender because he is already at the top level: a gift's growth moves
 * no demo buyer to another level (the levels' story, levels.ts, is told before the gifts).
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { demoAddresses } from './addresses.js';
import { payDemoOrder } from './orders.js';
import type { DemoPerson } from './people.js';

type Services = BuiltApp['services'];

export const demoGifts = {
  claimed: {
    product: 'yunnan-rose-flower-cakes',
    from: 'buyer3',
    to: 'buyer1',
    message: '杰，生日快乐！记得配一壶好茶。',
  },
  unclaimed: {
    product: 'osmanthus-soy-candle',
    from: 'buyer1',
    message: 'A little light for your new flat.',
  },
} as const;

export async function seedDemoGifts(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
): Promise<{ gifts: number }> {
  if (!services.sandbox) return { gifts: 0 };
  const personOf = (key: DemoPerson['key']) => {
    const found = people.get(key);
    if (!found) throw new Error(`The demo people have no ${key}`);
    return found;
  };
  const send = async (gift: { product: string; from: DemoPerson['key']; message: string }) => {
    const variant = products.get(gift.product)?.variants[0];
    if (!variant) throw new Error(`The demo catalog has no ${gift.product}`);
    const placed = await services.orders.placeOrder(personOf(gift.from).id, {
      items: [{ variantId: variant.id, quantity: 1 }],
      gift: { message: gift.message },
    });
    const paid = await payDemoOrder(services, placed.body, `a gift of ${gift.product}`);
    const token = await services.gifts.tokenOf(paid.id);
    if (!token) throw new Error(`The demo gift of ${gift.product} has no claim link`);
    return token;
  };
  const { claimed, unclaimed } = demoGifts;
  const token = await send(claimed);
  await services.gifts.claim(personOf(claimed.to).id, token, { address: { ...demoAddresses[0] } });
  await send(unclaimed);
  return { gifts: 2 };
}
