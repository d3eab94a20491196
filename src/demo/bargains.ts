/**
 * The demo's bargain (砍价): a campaign on the glass food containers, and Zhao Lei's bargain on it
 * that Chen Jie and Wang Fang have each cut once, so a newcomer finds a bargain on its way to the
 * floor, with helpers, a countdown and the disclosed cut schedule. Where the market policy profile
 * forbids bargains (POLICY_PROFILE=wechat), the demo has none.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { AppError } from '../platform/errors.js';
import type { DemoPerson } from './people.js';

type Services = BuiltApp['services'];

export const demoBargain = {
  product: 'glass-food-containers',
  /** Off the regular price at the floor, in minor units. */
  discount: 5000,
  helpersNeeded: 5,
  // Three days, so a newcomer finds it still open.
  durationMinutes: 3 * 24 * 60,
  starter: 'buyer3',
  helpers: ['buyer1', 'buyer2'],
} as const;

export async function seedDemoBargains(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
): Promise<{ bargains: number }> {
  const variant = products.get(demoBargain.product)?.variants[0];
  if (!variant) throw new Error(`The demo catalog has no ${demoBargain.product}`);
  const personOf = (key: DemoPerson['key']) => {
    const found = people.get(key);
    if (!found) throw new Error(`The demo people have no ${key}`);
    return found;
  };
  try {
    const campaign = await services.bargains.createCampaign({
      variantId: variant.id,
      floorPrice: variant.price - demoBargain.discount,
      helpersNeeded: demoBargain.helpersNeeded,
      durationMinutes: demoBargain.durationMinutes,
    });
    const bargain = await services.bargains.start(personOf(demoBargain.starter).id, campaign.id);
    for (const helper of demoBargain.helpers) await services.bargains.help(bargain.id, personOf(helper).id);
    return { bargains: 1 };
  } catch (error) {
    if (error instanceof AppError && error.reason === 'policy_forbids') return { bargains: 0 };
    throw error;
  }
}
