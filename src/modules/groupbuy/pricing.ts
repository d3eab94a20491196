import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { campaignRunning, unitPriceFor } from './rules.js';

/** The group-buy prices other modules price with (the coupon picker, share earnings). */
export function createGroupBuyPricing({ db, clock }: { db: Database; clock: Clock }) {
  /**
   * The unit price a group order pays for the campaign's variant, as checkout will charge it: the
   * leader price when opening a group, the group price when joining one of this campaign's groups.
   */
  async function quoteUnitPrice(campaignId: string, groupId?: string) {
    const campaign = await q.findCampaign(db, campaignId);
    if (!campaign) throw notFound('Group-buy campaign');
    if (groupId !== undefined && (await q.findGroup(db, groupId))?.campaign_id !== campaign.id)
      throw refuse(
        'group_price_requires_group',
        { campaignId, groupId },
        'The group price is for members of one of this campaign’s groups',
      );
    const prices = { price: campaign.price, leaderPrice: campaign.leader_price };
    return {
      variantId: campaign.variant_id,
      unitPrice: unitPriceFor(prices, groupId ? 'member' : 'leader'),
      freeShipping: campaign.free_shipping,
    };
  }

  /** The group price of each campaign of these products that is running now. */
  async function runningPrices(productIds: readonly string[]) {
    const now = clock.now();
    const rows = await q.activeCampaignsOf(db, productIds);
    return rows
      .filter((r) => campaignRunning({ status: r.status, startsAt: r.starts_at, endsAt: r.ends_at }, now))
      .map((r) => ({ campaignId: r.id, productId: r.product_id, variantId: r.variant_id, price: r.price }));
  }

  return { quoteUnitPrice, runningPrices };
}
