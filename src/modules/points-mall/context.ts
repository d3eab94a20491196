import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import type { CatalogService } from '../catalog/index.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';

/**
 * What the points mall works with: points to spend, coupons to give, orders to ship products, the
 * catalog to check a product item's variant, and (for the operator's list) who redeemed.
 */
export interface MallContext {
  db: Database;
  clock: Clock;
  points: Pick<PointsService, 'spend' | 'balance'>;
  coupons: Pick<CouponsService, 'grant' | 'getTemplate'>;
  orders: Pick<OrdersService, 'placeRedemptionOrder'>;
  catalog: Pick<CatalogService, 'sellableVariants'>;
  /** The accounts module's contacts, wired by the composition root (no join to `users`). */
  people: {
    contactsOf(
      conn: Queryable,
      userIds: readonly string[],
    ): Promise<Map<string, { name: string; email: string }>>;
  };
}
