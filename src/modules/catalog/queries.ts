import type { Queryable } from '../../platform/db.js';
import { likePattern } from './rules.js';

export interface ProductRow {
  id: string;
  title: string;
  description: string;
  images: string[];
  category: string | null;
  status: 'active' | 'archived';
  commission_rate_bps: number | null;
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

export interface ProductFilter {
  q?: string;
  category?: string;
  includeArchived: boolean;
  afterId?: string;
  limit: number;
}

/** Newest first; keyset pagination on the time-ordered id. */
export function listProducts(db: Queryable, f: ProductFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!f.includeArchived) where.push(`status = 'active'`);
  if (f.q) {
    const p = param(likePattern(f.q));
    where.push(`(title ILIKE ${p} OR description ILIKE ${p})`);
  }
  if (f.category) where.push(`category = ${param(f.category)}`);
  if (f.afterId) where.push(`id < ${param(f.afterId)}`);
  const sql = `SELECT * FROM products ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY id DESC LIMIT ${param(f.limit + 1)}`;
  return db.query<ProductRow>(sql, params);
}

export const categoriesWithCounts = (db: Queryable) =>
  db.query<{ category: string; products: number }>(
    `SELECT category, count(*) AS products FROM products
     WHERE status = 'active' AND category IS NOT NULL GROUP BY category ORDER BY category`,
  );
