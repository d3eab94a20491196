/**
 * The demo shop's social side, so a newcomer can try it straight away: Lin Xiaomei's micro-store,
 * two group buys, coupons in the coupon centre and a reward for inviting friends. Prices are
 * minor units of CNY, like the catalog's.
 *
 * Nothing here has an end date: group buys run until an administrator closes them and coupons
 * last 30 days from their claim, so a demo started months later still shows all of it.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product, Variant } from '../modules/catalog/index.js';
import type { CreateTemplateInput } from '../modules/coupons/index.js';
import type { CampaignInput } from '../modules/groupbuy/index.js';
import { uploadDemoPicture } from './pictures.js';

type Services = BuiltApp['services'];

export const demoStore = {
  slug: 'xiaomei-pantry',
  name: "Xiaomei's Pantry",
  /** The catalog picture uploaded as the store's logo. */
  logoPicture: 'west-lake-longjing',
  intro:
    'Teas, snacks and kitchen things I use every day at home in Hangzhou. I taste or try everything before I list it, so ask me anything.',
  /** Catalog slugs, in the order the store page shows them. */
  products: [
    'west-lake-longjing',
    'jasmine-dragon-pearls',
    'anxi-tieguanyin',
    'yunnan-rose-flower-cakes',
    'daily-mixed-nuts',
    'osmanthus-lotus-root-starch',
    'two-tier-bamboo-steamer',
    'walnut-chopsticks',
  ],
} as const;

export interface DemoGroupBuy {
  /** The variant's SKU in the catalog. */
  sku: string;
  groupSize: number;
  price: number;
  leaderPrice?: number;
  /** How long a group has to fill once someone starts it. */
  durationDays: number;
}

/** Both on products of the demo store, so its visitors find them too. */
export const demoGroupBuys: readonly DemoGroupBuy[] = [
  { sku: 'SN-ROSE-10', groupSize: 2, price: 3900, durationDays: 2 },
  { sku: 'SN-NUTS-30', groupSize: 3, price: 7900, leaderPrice: 6900, durationDays: 3 },
];

/**
 * In the order the coupon centre shows them. Titles and descriptions name no amounts: the card
 * shows the value and minimum spend itself, formatted like every other price (no "¥" typed here).
 */
export const demoCoupons: readonly CreateTemplateInput[] = [
  {
    title: 'Welcome treat',
    description: 'Money off a fuller basket. One per person.',
    kind: 'amount_off',
    amountOff: 2000,
    minSpend: 19900,
    validDays: 30,
    totalQuantity: 500,
  },
  {
    title: 'Tea time discount',
    description: 'A share off your whole order, up to a cap. One per person.',
    kind: 'percent_off',
    percentOffBps: 1500,
    maxDiscount: 5000,
    validDays: 30,
  },
  {
    title: 'Share and save',
    description: 'Share any product, store or group; once two friends open your links, the coupon is yours.',
    kind: 'amount_off',
    amountOff: 3000,
    minSpend: 14900,
    validDays: 30,
    shareToUnlock: 2,
  },
];

/** What an inviter gets when someone they invited pays for their first order. */
export const DEMO_INVITATION_POINTS = 100;

export interface DemoSocialSummary {
  store: string;
  groupBuys: number;
  coupons: number;
}

/** Sets it all up over the freshly loaded catalog, keyed by catalog slug. */
export async function seedDemoSocial(
  services: Services,
  shopkeeper: PublicUser,
  products: ReadonlyMap<string, Product>,
): Promise<DemoSocialSummary> {
  await openStore(services, shopkeeper, products);
  for (const groupBuy of demoGroupBuys) {
    await services.groupBuys.createCampaign(campaignInput(groupBuy, products));
  }
  // The coupon centre lists the newest first, so the first shown is created last.
  for (const coupon of [...demoCoupons].reverse()) {
    await services.coupons.createTemplate(coupon);
  }
  await services.invitations.updateSetting({ kind: 'points', points: DEMO_INVITATION_POINTS });
  return { store: demoStore.slug, groupBuys: demoGroupBuys.length, coupons: demoCoupons.length };
}

async function openStore(services: Services, owner: PublicUser, products: ReadonlyMap<string, Product>) {
  const { slug, name, intro } = demoStore;
  const logo = await uploadDemoPicture(services.uploads, owner.id, demoStore.logoPicture, 'store_logo');
  const store = await services.stores.createStore(owner.id, { slug, name, logoUploadId: logo.id, intro });
  // The store page shows the latest listed first, so the first shown is listed last.
  for (const productSlug of [...demoStore.products].reverse()) {
    await services.stores.listProduct(owner.id, store.id, catalogProduct(products, productSlug).id);
  }
}

function campaignInput(groupBuy: DemoGroupBuy, products: ReadonlyMap<string, Product>): CampaignInput {
  return {
    variantId: variantBySku(products, groupBuy.sku).id,
    groupSize: groupBuy.groupSize,
    price: groupBuy.price,
    leaderPrice: groupBuy.leaderPrice ?? null,
    durationMinutes: groupBuy.durationDays * 24 * 60,
  };
}

function catalogProduct(products: ReadonlyMap<string, Product>, slug: string): Product {
  const product = products.get(slug);
  if (!product) throw new Error(`The demo catalog has no product "${slug}"`);
  return product;
}

function variantBySku(products: ReadonlyMap<string, Product>, sku: string): Variant {
  for (const product of products.values()) {
    const variant = product.variants.find((v) => v.sku === sku);
    if (variant) return variant;
  }
  throw new Error(`The demo catalog has no variant "${sku}"`);
}
