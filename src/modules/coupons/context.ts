import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import type { Policy } from '../../platform/policy.js';
import type { CatalogService } from '../catalog/index.js';
import type { MemberPricing } from '../orders/index.js';
import type { PaidUnitPrice } from './rules.js';

/**
 * How many different people opened someone's share links since a moment: supplied from outside
 * (see share-visitors.ts) so the coupon rules do not depend on how clicks are recorded.
 */
export type ShareVisitors = (conn: Queryable, sharerId: string, since: Date) => Promise<number>;

export interface CouponsContext {
  db: Database;
  clock: Clock;
  /** Prices a cart for the checkout coupon picker. */
  catalog: Pick<CatalogService, 'sellableVariants'>;
  shareVisitors: ShareVisitors;
  /**
   * The unit price a group-buy order pays for the campaign's variant (leader price when opening,
   * group price when joining), for pricing coupons as checkout will; absent without group buying.
   */
  groupPrices?: (campaignId: string, groupId?: string) => Promise<PaidUnitPrice>;
  /**
   * The member discount, the same port checkout uses: the picker prices coupons on the cart after
   * it, as checkout does. Without it there is none.
   */
  memberPricing?: MemberPricing;
  /** The market policy profile: where it forbids share-to-unlock, such coupons are neither made nor claimed. */
  policy?: Pick<Policy, 'allows' | 'assertAllowed'>;
  /** Told of each coupon given to someone (claimed or granted), after its transaction: analytics' event log. */
  onUnlocked?: (c: { userId: string; templateId: string; source: string }) => void;
}
