import type { CatalogService } from '../catalog/index.js';
import type { DistributionSettings } from '../distribution/index.js';
import { earnPerUnit, levelOneRate } from './rules.js';
import type { ShareEarning } from './schemas.js';

/** A running group-buy campaign's price, as the group buy module tells it. */
export interface GroupPrice {
  campaignId: string;
  productId: string;
  variantId: string;
  price: number;
}

/**
 * "Earn ¥3.90" for a signed-in promoter: per product, what one unit sold through their link earns
 * at each variant's price and at each running group's price. Reads distribution's rules only
 * through its service (`settings`), and prices through catalog and group buys.
 */
export function createShareEarningsService(deps: {
  catalog: Pick<CatalogService, 'getProducts'>;
  settings: () => Promise<Pick<DistributionSettings, 'ratesBps' | 'capBps'>>;
  groupPrices: (productIds: readonly string[]) => Promise<GroupPrice[]>;
}) {
  async function forProducts(productIds: readonly string[]): Promise<ShareEarning[]> {
    const ids = [...new Set(productIds)];
    const [products, settings, groups] = await Promise.all([
      deps.catalog.getProducts(ids),
      deps.settings(),
      deps.groupPrices(ids),
    ]);
    return products.map((p) => ({
      productId: p.id,
      rateBps: levelOneRate(p.commissionRateBps, settings),
      variants: p.variants.map((v) => ({
        variantId: v.id,
        price: v.price,
        earn: earnPerUnit(v.price, p.commissionRateBps, settings),
      })),
      groupBuys: groups
        .filter((g) => g.productId === p.id)
        .map((g) => ({
          campaignId: g.campaignId,
          variantId: g.variantId,
          price: g.price,
          earn: earnPerUnit(g.price, p.commissionRateBps, settings),
        })),
    }));
  }
  return { forProducts };
}

export type ShareEarningsService = ReturnType<typeof createShareEarningsService>;
