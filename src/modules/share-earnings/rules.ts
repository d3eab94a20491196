import { type DistributionSettings, splitCommission } from '../distribution/index.js';

/**
 * What a promoter earns when one unit sells through their link: their level-1 commission on the
 * price the buyer pays (the list price, or a group's price), after the product's own rate override
 * and the operator's cap — worked out by the very rule that pays commissions, so the promise on the
 * page and the commission earned cannot drift apart. Flash-sale and bargain prices, when they come,
 * are just another paid unit price passed in here.
 */
export function earnPerUnit(
  paidUnitPrice: number,
  overrideBps: number | null,
  settings: Pick<DistributionSettings, 'ratesBps' | 'capBps'>,
): number {
  const [share] = splitCommission({
    // Any buyer other than the sharer: a sharer never earns on their own purchase.
    buyerId: 'buyer',
    paidAmount: paidUnitPrice,
    lines: [{ lineTotal: paidUnitPrice, overrideBps }],
    chain: ['sharer'],
    settings: { ...settings, maxLevels: 1 },
  });
  return share?.amount ?? 0;
}

/** The level-1 rate a product pays, in basis points: its override, else the operator's, within the cap. */
export const levelOneRate = (
  overrideBps: number | null,
  settings: Pick<DistributionSettings, 'ratesBps' | 'capBps'>,
) => Math.min(overrideBps ?? settings.ratesBps[0] ?? 0, settings.capBps);
