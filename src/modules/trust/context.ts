import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import type { AccountsService } from '../accounts/index.js';
import type { AfterSalesService } from '../aftersales/index.js';
import type { DistributionService } from '../distribution/index.js';

/**
 * What the trust value needs from other modules, owned here so the dependency points this way; the
 * composition root wires reviews, moderation and communities. `null` means "no data": a part with
 * no data is left out of the score rather than counted as perfect or as bad.
 */
export interface TrustSources {
  /** Reviews of these orders (the reviews module): how many and the sum of their 1..5 ratings. */
  reviewsOfOrders(
    conn: Queryable,
    orderIds: readonly string[],
  ): Promise<{ count: number; ratingSum: number } | null>;
  /** Complaints about this person that moderation upheld. */
  complaintsAbout(conn: Queryable, userId: string): Promise<number | null>;
  /** Pickup orders due at this leader's pickup points, and how many were handed over (communities). */
  pickupRecordOf(conn: Queryable, leaderId: string): Promise<{ due: number; collected: number } | null>;
}

export interface TrustContext {
  db: Database;
  clock: Clock;
  accounts: Pick<AccountsService, 'contactsOf' | 'roleHolders'>;
  distribution: Pick<DistributionService, 'broughtOrders' | 'busiestPromoters'>;
  afterSales: Pick<AfterSalesService, 'ordersWithRequests'>;
  sources: TrustSources;
}

/** How many of the latest orders someone brought count: trust follows what they do now. */
export const ORDERS_WINDOW = 200;
