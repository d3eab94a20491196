import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { Database } from '../platform/db.js';
import type { DemoPerson } from './people.js';

type Services = BuiltApp['services'];

/** What each demo buyer holds to spend: enough for every item in the mall at least once. */
export const DEMO_MALL_POINTS = 2000;

/**
 * The points mall's three kinds: a coupon kept for the mall (not in the coupon centre), a tin of the
 * catalog's tea shipped as an order, and a perk the operator fulfils. Titles name no amounts: the
 * coupon's value shows in my coupons, formatted like every price.
 */
export const demoMallItems = {
  coupon: {
    title: 'Points-only coupon',
    description: 'Money off your next order, only in the points mall.',
    costPoints: 500,
    stock: 200,
    perPersonLimit: 2,
  },
  product: {
    title: 'A tin of tea, on the house',
    description: 'Shipped to your address like any order, paid with points alone.',
    costPoints: 1200,
    stock: 20,
    perPersonLimit: 1,
  },
  perk: {
    title: 'A tasting with the tea master',
    description: 'A half-hour video tasting with our tea master; we write to you to book a time.',
    costPoints: 800,
    stock: 10,
    perPersonLimit: 1,
  },
} as const;

/**
 * Fills the points mall and gives each demo buyer points to spend (through the points service, with
 * a demo reference per person, so a second run would give nothing more). Chen Jie has already
 * redeemed the coupon and Wang Fang the perk, so "my redemptions" and the console's pending perks
 * are not empty on a first visit.
 */
export async function seedDemoPointsMall(
  services: Services,
  db: Database,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
): Promise<{ mallItems: number }> {
  const template = await services.coupons.createTemplate({
    title: demoMallItems.coupon.title,
    description: demoMallItems.coupon.description,
    kind: 'amount_off',
    amountOff: 1000,
    minSpend: 9900,
    validDays: 30,
    claimable: false,
  });
  const tea = [...products.values()][0];
  const variant = tea?.variants[0];
  if (!tea || !variant) throw new Error('The demo catalog has no product for the points mall');
  // Newest first in the mall: the coupon is created last, so it leads.
  const perk = await services.pointsMall.createItem({ kind: 'perk', ...demoMallItems.perk });
  await services.pointsMall.createItem({
    kind: 'product',
    variantId: variant.id,
    image: tea.images[0] ?? null,
    ...demoMallItems.product,
  });
  const coupon = await services.pointsMall.createItem({
    kind: 'coupon',
    couponTemplateId: template.id,
    ...demoMallItems.coupon,
  });
  for (const [key, user] of people) {
    if (key === 'shopkeeper' || key === 'support') continue;
    // "order": the demo's stand-in for the points a buyer's past orders would have earned.
    await db.transaction((tx) =>
      services.points.earn(tx, {
        userId: user.id,
        points: DEMO_MALL_POINTS,
        reason: 'order',
        ref: `demo:points-mall:${user.id}`,
      }),
    );
  }
  const buyer1 = people.get('buyer1');
  const buyer2 = people.get('buyer2');
  if (buyer1) await services.pointsMall.redeem(buyer1.id, coupon.id, {});
  if (buyer2) await services.pointsMall.redeem(buyer2.id, perk.id, {});
  return { mallItems: 3 };
}
