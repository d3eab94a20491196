import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';

/** What the shipping module works with; the composition root wires each port from its owner. */
export interface ShippingContext {
  db: Database;
  clock: Clock;
  /** The catalog's variants on sale, with their product and price (for the checkout page's quote). */
  sellableVariants(
    conn: Queryable,
    variantIds: readonly string[],
  ): Promise<{ id: string; product_id: string; price: number }[]>;
  /** A product's variants (archived ones too), or null for an unknown product; read outside transactions. */
  productVariants(productId: string): Promise<{ id: string }[] | null>;
  /** A group-buy campaign's unit price for a leader (no `groupId`) or a member, and whether it ships free. */
  groupTerms?: (
    campaignId: string,
    groupId?: string,
  ) => Promise<{ variantId: string; unitPrice: number; freeShipping: boolean }>;
  /** The levels module: whether the person's membership level ships free. */
  memberFreeShipping?: (conn: Queryable, userId: string) => Promise<boolean>;
}
