import type { Queryable } from '../../platform/db.js';
import type { ProductRow } from './queries.js';
import { likePattern } from './rules.js';
import type { ProductSort, SortPosition } from './search.js';

export interface ProductFilter {
  q?: string;
  /** The query's words as a `to_tsquery` text (search.ts `wordQuery`). */
  words?: string;
  category?: string;
  includeArchived: boolean;
  minPrice?: number;
  maxPrice?: number;
  sort: ProductSort;
  after?: SortPosition;
  limit: number;
}

export type RankedProductRow = ProductRow & { sort_value: number | null };

/**
 * How far a title may be from the query, as pg_trgm's word similarity, and still match: 0.5 lets
 * one wrong, missing or swapped letter in a word of eight through ("longjnig" → Longjing, 0.56)
 * while a three-letter word must share its start ("tea" and "Steamer": 0.25).
 */
const TYPO_SIMILARITY = 0.5;

// A category slug read as words ("home-kitchen": home, kitchen), matched at query time rather than
// stored in the generated column, so the categories' own migrations stay free to reshape the column.
const CATEGORY_WORDS = `to_tsvector('english', replace(coalesce(p.category, ''), '-', ' '))`;

/**
 * The relevance of a product, as integer points (integers page exactly; floats might not survive the
 * cursor's round trip). A word match (full text in title or description, or the category) is worth
 * 0.4 each, so every word match outranks what only a substring or a near spelling finds ("tea" in
 * "Steamer": 0.125 + 0.1); among them, full-text rank with weights D 0.1, C 0.2 (description),
 * B 0.4, A 1.0 (title), plus half the title's trigram similarity, so the title counts most.
 * `search` is the generated column of migration 026.
 */
const SCORE = `round(1000 * (
    CASE WHEN p.search @@ query.tsq THEN 0.4 + ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search, query.tsq) ELSE 0 END
    + CASE WHEN ${CATEGORY_WORDS} @@ query.tsq THEN 0.4 ELSE 0 END
    + 0.5 * word_similarity(query.q, p.title)
    + CASE WHEN p.title ILIKE query.pattern THEN 0.1 ELSE 0 END
  ))::bigint`;

// Units that left stock through checkouts and did not come back (released unpaid, refunded,
// returned): the catalog's own record of sales, so "popular" needs nothing from the orders module.
const UNITS_SOLD = `coalesce((
    SELECT -sum(m.delta) FROM stock_movements m JOIN variants v ON v.id = m.variant_id
    WHERE v.product_id = p.id AND m.kind IN ('sold', 'released', 'returned')
  ), 0)::bigint`;

const MIN_PRICE = 'coalesce((SELECT min(price) FROM variants WHERE product_id = p.id), 0)::bigint';

const SORT_VALUE: Record<ProductSort, string> = {
  relevance: SCORE,
  popular: UNITS_SOLD,
  price_asc: MIN_PRICE,
  price_desc: MIN_PRICE,
  newest: 'NULL::bigint',
};

/** The products a filter matches, with their sort value: the one source of both the page and the count. */
function matched(f: ProductFilter, param: (value: unknown) => string) {
  const where: string[] = [];
  if (!f.includeArchived) where.push(`p.status = 'active'`);
  if (f.category) where.push(`p.category = ${param(f.category)}`);
  if (f.minPrice !== undefined) where.push(`${MIN_PRICE} >= ${param(f.minPrice)}`);
  if (f.maxPrice !== undefined) where.push(`${MIN_PRICE} <= ${param(f.maxPrice)}`);
  let from = 'products p';
  if (f.q) {
    const q = param(f.q);
    // Words as prefixes in English (stemmed: "teas" finds "tea"), CJK as grams, both required when both are typed.
    from += ` CROSS JOIN LATERAL (
        SELECT ${q}::text AS q, ${param(likePattern(f.q))}::text AS pattern,
          coalesce(w.tsq && c.tsq, w.tsq, c.tsq) AS tsq
        FROM (SELECT to_tsquery('english', nullif(${param(f.words ?? '')}, '')) AS tsq) w,
             (SELECT plainto_tsquery('simple', nullif(catalog_cjk_grams(${q}), '')) AS tsq) c
      ) query`;
    // Substrings (ILIKE) keep every product that matched before ranking existed, ranked last.
    where.push(`(p.search @@ query.tsq OR ${CATEGORY_WORDS} @@ query.tsq
      OR word_similarity(query.q, p.title) >= ${TYPO_SIMILARITY}
      OR p.title ILIKE query.pattern OR p.description ILIKE query.pattern)`);
  }
  // Relevance always has a query (search.ts `effectiveSort`); its score reads the query's columns.
  return `SELECT p.*, ${SORT_VALUE[f.sort]} AS sort_value FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

const descending = (s: ProductSort) => s !== 'price_asc';

/** Values of a statement being built, each named by the `$n` that `param` returns. */
function parameters() {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { params, param };
}

/** One page in the filter's sort, ties broken by id; keyset pagination on (sort value, id). */
export function listProducts(db: Queryable, f: ProductFilter) {
  const { params, param } = parameters();
  const base = matched(f, param);
  const dir = descending(f.sort) ? 'DESC' : 'ASC';
  const cmp = descending(f.sort) ? '<' : '>';
  const keyed = f.sort !== 'newest';
  let keyset = '';
  if (f.after) {
    keyset = keyed
      ? `WHERE (sort_value, id) ${cmp} (${param(f.after.value ?? 0)}::bigint, ${param(f.after.id)}::text)`
      : `WHERE id ${cmp} ${param(f.after.id)}::text`;
  }
  const order = keyed ? `sort_value ${dir}, id ${dir}` : `id ${dir}`;
  const sql = `SELECT * FROM (${base}) matched ${keyset} ORDER BY ${order} LIMIT ${param(f.limit + 1)}`;
  return db.query<RankedProductRow>(sql, params);
}

/** How many products the filter matches in all, whatever page is being read. */
export async function countProducts(db: Queryable, f: ProductFilter): Promise<number> {
  const { params, param } = parameters();
  const rows = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM (${matched({ ...f, sort: 'newest' }, param)}) matched`,
    params,
  );
  return rows[0]?.total ?? 0;
}
