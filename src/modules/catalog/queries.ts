import type { Queryable } from '../../platform/db.js';
import type { ProductStatus } from './rules.js';

export interface ProductRow {
  id: string;
  title: string;
  description: string;
  images: string[];
  category: string | null;
  status: ProductStatus;
  commission_rate_bps: number | null;
  leader_rate_bps: number | null;
  repurchase: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface VariantRow {
  id: string;
  product_id: string;
  sku: string;
  title: string;
  price: number;
  stock: number;
  position: number;
}

export async function variantsOf(
  db: Queryable,
  productIds: readonly string[],
): Promise<Map<string, VariantRow[]>> {
  const byProduct = new Map<string, VariantRow[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const rows = await db.query<VariantRow>(
    'SELECT * FROM variants WHERE product_id = ANY($1) ORDER BY position, id',
    [productIds],
  );
  for (const row of rows) byProduct.get(row.product_id)?.push(row);
  return byProduct;
}

export const findProduct = async (db: Queryable, id: string) =>
  (await db.query<ProductRow>('SELECT * FROM products WHERE id = $1', [id]))[0];

export type MovementKind = 'initial' | 'adjustment' | 'sold' | 'released' | 'returned';

export interface MovementRow {
  id: number;
  variant_id: string;
  delta: number;
  stock_after: number;
  kind: MovementKind;
  actor_id: string | null;
  reason: string;
  order_id: string | null;
  created_at: Date;
}

/** What a movement records besides the change itself. */
export interface MovementFacts {
  kind: MovementKind;
  actorId: string | null;
  reason: string;
  orderId: string | null;
  at: Date;
}

const factParams = (m: MovementFacts) => [m.kind, m.actorId, m.reason, m.orderId, m.at];

/** Statements that change stock end in this, so the change and its record are one statement. */
const RECORD_MOVEMENT = `INSERT INTO stock_movements
    (variant_id, delta, stock_after, kind, actor_id, reason, order_id, created_at)`;

/** A new variant and the movement of its initial stock, in one statement. */
export const insertVariant = (
  tx: Queryable,
  v: {
    id: string;
    productId: string;
    sku: string;
    title: string;
    price: number;
    stock: number;
    position: number;
  },
  facts: MovementFacts,
) =>
  tx.query(
    `WITH added AS (
       INSERT INTO variants (id, product_id, sku, title, price, stock, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, stock
     )
     ${RECORD_MOVEMENT} SELECT id, stock, stock, $8, $9, $10, $11, $12 FROM added`,
    [v.id, v.productId, v.sku, v.title, v.price, v.stock, v.position, ...factParams(facts)],
  );

/**
 * Adds `delta` (negative to take) to a variant's stock and records it, if the result stays within
 * 0..`max`; no row when it would not (or the variant does not exist). The guarded UPDATE takes the
 * row lock, so concurrent changes never drive stock below zero.
 */
export const moveStock = (
  tx: Queryable,
  variantId: string,
  delta: number,
  max: number,
  facts: MovementFacts,
) =>
  tx.query<MovementRow>(
    `WITH changed AS (
       UPDATE variants SET stock = stock + $2 WHERE id = $1 AND stock + $2 BETWEEN 0 AND $3 RETURNING id, stock
     )
     ${RECORD_MOVEMENT} SELECT id, $2, stock, $4, $5, $6, $7, $8 FROM changed RETURNING *`,
    [variantId, delta, max, ...factParams(facts)],
  );

/** Compare-and-set: sets the stock only if it is still `expected`, and records the difference. */
export const setStock = (
  tx: Queryable,
  variantId: string,
  expected: number,
  stock: number,
  facts: MovementFacts,
) =>
  tx.query<MovementRow>(
    `WITH changed AS (
       UPDATE variants SET stock = $3 WHERE id = $1 AND stock = $2 RETURNING id, stock
     )
     ${RECORD_MOVEMENT} SELECT id, $3 - $2, stock, $4, $5, $6, $7, $8 FROM changed RETURNING *`,
    [variantId, expected, stock, ...factParams(facts)],
  );

export const findVariant = async (db: Queryable, id: string) =>
  (await db.query<VariantRow>('SELECT * FROM variants WHERE id = $1', [id]))[0];

/** One variant's movements, newest first; keyset pagination on the movement id. */
export const movementsOf = (db: Queryable, variantId: string, beforeId: number | undefined, limit: number) =>
  db.query<MovementRow>(
    `SELECT * FROM stock_movements WHERE variant_id = $1 AND ($2::bigint IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [variantId, beforeId ?? null, limit + 1],
  );
