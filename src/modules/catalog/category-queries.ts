import type { Queryable } from '../../platform/db.js';
import type { CategoryIcon } from './category-rules.js';

export interface CategoryRow {
  slug: string;
  name_en: string;
  name_zh_cn: string;
  icon: CategoryIcon;
  position: number;
  created_at: Date;
  updated_at: Date;
}

export type CountedCategoryRow = CategoryRow & { products: number; all_products: number };

/** Every category in order, with its active and all products; `inUse` keeps those with active ones. */
export const listCategories = (db: Queryable, options: { inUse: boolean }) =>
  db.query<CountedCategoryRow>(
    `SELECT c.*, coalesce(n.active, 0)::integer AS products, coalesce(n.all_products, 0)::integer AS all_products
     FROM categories c
     LEFT JOIN (
       SELECT category, count(*) FILTER (WHERE status = 'active') AS active, count(*) AS all_products
       FROM products WHERE category IS NOT NULL GROUP BY category
     ) n ON n.category = c.slug
     ${options.inUse ? 'WHERE n.active > 0' : ''}
     ORDER BY c.position, c.slug`,
  );

/**
 * Every slug in order, locked: reorders, inserts and deletes take this first, so they renumber
 * one after another. NO KEY UPDATE does not wait for products being saved into a category.
 */
export const lockOrder = async (tx: Queryable) =>
  (
    await tx.query<{ slug: string }>('SELECT slug FROM categories ORDER BY position, slug FOR NO KEY UPDATE')
  ).map((r) => r.slug);

/** Writes positions 0..n-1 in the given order, touching only the rows whose position changes. */
export const writeOrder = (tx: Queryable, order: readonly string[], at: Date) =>
  tx.query(
    `UPDATE categories c SET position = o.n - 1, updated_at = $2
     FROM unnest($1::text[]) WITH ORDINALITY AS o(slug, n)
     WHERE c.slug = o.slug AND c.position <> o.n - 1`,
    [order, at],
  );

export const insertCategory = (
  tx: Queryable,
  c: { slug: string; nameEn: string; nameZh: string; icon: CategoryIcon; position: number; at: Date },
) =>
  tx.query<{ slug: string }>(
    `INSERT INTO categories (slug, name_en, name_zh_cn, icon, position, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (slug) DO NOTHING RETURNING slug`,
    [c.slug, c.nameEn, c.nameZh, c.icon, c.position, c.at],
  );

/**
 * A category for a slug a product brings that nobody has named yet, last in the order; an
 * existing one is left as it is. Product writes call it so API clients that send a free-text
 * category keep working; the operator names it properly in the console afterwards.
 */
export async function ensureCategory(tx: Queryable, slug: string, name: string, at: Date): Promise<void> {
  // The key-share lock keeps the row until the product's transaction ends, so a concurrent
  // delete waits and then meets the foreign key (category_in_use). A delete that committed
  // between the insert and the lock leaves no row to lock: insert it again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await tx.query(
      `INSERT INTO categories (slug, name_en, name_zh_cn, icon, position, created_at, updated_at)
       SELECT $1, $2, $2, 'tag', coalesce(max(position) + 1, 0), $3, $3 FROM categories
       ON CONFLICT (slug) DO NOTHING`,
      [slug, name, at],
    );
    const held = await tx.query('SELECT 1 FROM categories WHERE slug = $1 FOR KEY SHARE', [slug]);
    if (held.length > 0) return;
  }
  throw new Error(`category ${slug} kept disappearing while a product was saved into it`);
}

export const findCategory = async (db: Queryable, slug: string) =>
  (await db.query<CategoryRow>('SELECT * FROM categories WHERE slug = $1', [slug]))[0];

export const countProducts = async (db: Queryable, slug: string) =>
  (
    await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM products WHERE category = $1', [slug])
  )[0]?.n ?? 0;
