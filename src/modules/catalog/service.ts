import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { readerOf } from '../../platform/db-read.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, type AuditFields, record } from '../audit/index.js';
import { type BulkAction, createBulkService } from './bulk.js';
import { createCategoryService } from './categories.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { categorySlug, type ProductStatus, priceSummary, productMachine } from './rules.js';
import type { Product, ProductInput, ProductPatch, Variant, VariantInput } from './schemas.js';
import { decodeSortCursor, effectiveSort, type ProductSort, sortCursorKey, wordQuery } from './search.js';
import { countProducts, listProducts as listMatching, type ProductFilter } from './search-queries.js';
import { createStockService } from './stock.js';

export type { StockLine, StockMovement, StockRelease } from './stock.js';
export type { Product, ProductInput, ProductPatch, Variant, VariantInput };

const presentVariant = (v: q.VariantRow): Variant => ({
  id: v.id,
  sku: v.sku,
  title: v.title,
  price: v.price,
  stock: v.stock,
});

function presentProduct(row: q.ProductRow, variants: readonly q.VariantRow[]): Product {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    images: row.images,
    category: row.category,
    status: row.status,
    commissionRateBps: row.commission_rate_bps,
    leaderRateBps: row.leader_rate_bps,
    repurchase: row.repurchase,
    variants: variants.map(presentVariant),
    ...priceSummary(variants),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A category as stored: its slug, or null when none is given or the name has no letters or digits. */
const categoryOf = (name: string | null | undefined) => (name ? categorySlug(name) || null : null);

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * The refusal of a SKU another product has, found after the unique index refused the write (the
 * transaction is gone by then, so this reads on its own): the index is the rule, this only names it.
 */
async function skuTaken(db: Database, productId: string, variants: readonly VariantInput[]) {
  const skus = variants.map((v) => v.sku);
  const rows = await db.query<{ sku: string }>(
    'SELECT sku FROM variants WHERE sku = ANY($1) AND product_id <> $2 ORDER BY sku LIMIT 1',
    [skus, productId],
  );
  const sku = rows[0]?.sku ?? skus[0] ?? '';
  return refuse('sku_taken', { sku }, 'A variant with this SKU already exists');
}

/**
 * A product as its audit entries show it: variants flattened by SKU, so a price change reads
 * `variants.TEA-250.price: 4500 → 3900` rather than two copies of the variant list. Stock only on
 * creation: afterwards it moves by checkouts and adjustments, which have entries of their own.
 */
function auditFields(p: Product, withStock = false): AuditFields {
  const fields: AuditFields = {
    title: p.title,
    description: p.description,
    images: p.images,
    category: p.category,
    status: p.status,
    commissionRateBps: p.commissionRateBps,
    leaderRateBps: p.leaderRateBps,
    repurchase: p.repurchase,
  };
  for (const v of p.variants) {
    fields[`variants.${v.sku}.title`] = v.title;
    fields[`variants.${v.sku}.price`] = v.price;
    if (withStock) fields[`variants.${v.sku}.stock`] = v.stock;
  }
  return fields;
}

function assertDistinctSkus(variants: readonly VariantInput[]) {
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    if (seen.has(v.sku)) throw invalidInput(`/variants/${i}/sku`, 'is used twice in this product', 'unique');
    seen.add(v.sku);
  });
}

export function createCatalogService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const stock = createStockService(deps);
  const bulk = createBulkService(deps);

  /** Bulk actions, after the one check the schema cannot make: a percentage is -100..1000. */
  function bulkUpdate(action: BulkAction, actorId: string, by?: AuditContext) {
    if ('change' in action && action.change.by === 'percent') {
      const { value } = action.change;
      if (value < -100)
        throw invalidInput('/change/value', 'must be at least -100', 'minimum', { limit: -100 });
      if (value > 1000)
        throw invalidInput('/change/value', 'must be at most 1000', 'maximum', { limit: 1000 });
    }
    return bulk.bulkUpdate(action, actorId, by);
  }
  const { ensureCategory, ...categories } = createCategoryService(deps);

  /** The category slug to store, its managed category made first when the slug is new. */
  async function storedCategory(tx: Queryable, name: string | null | undefined) {
    const slug = categoryOf(name);
    if (slug) await ensureCategory(tx, slug);
    return slug;
  }

  async function loadProduct(conn: Queryable, id: string, includeArchived: boolean): Promise<Product> {
    const row = await q.findProduct(conn, id);
    if (!row || (row.status === 'archived' && !includeArchived)) throw notFound('Product');
    const variants = await q.variantsOf(conn, [id]);
    return presentProduct(row, variants.get(id) ?? []);
  }

  /** New variants, each with the movement of its initial stock, by `actorId` (null: the system). */
  async function insertVariants(
    tx: Queryable,
    productId: string,
    variants: readonly VariantInput[],
    options: { from: number; actorId: string | null; reason: string },
  ) {
    const facts = {
      kind: 'initial' as const,
      actorId: options.actorId,
      reason: options.reason,
      orderId: null,
      at: clock.now(),
    };
    for (const [i, v] of variants.entries()) {
      const variant = { id: newId(), productId, sku: v.sku, title: v.title ?? '', price: v.price };
      await q.insertVariant(tx, { ...variant, stock: v.stock ?? 0, position: options.from + i }, facts);
    }
  }

  async function createProduct(
    input: ProductInput,
    actorId: string | null = null,
    by?: AuditContext,
  ): Promise<Product> {
    assertDistinctSkus(input.variants);
    const id = newId();
    const now = clock.now();
    try {
      return await db.transaction(async (tx) => {
        const category = await storedCategory(tx, input.category);
        await tx.query(
          `INSERT INTO products (id, title, description, images, category, commission_rate_bps, created_at,
             updated_at, leader_rate_bps, repurchase)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
          [
            id,
            input.title.trim(),
            input.description ?? '',
            input.images ?? [],
            category,
            input.commissionRateBps ?? null,
            now,
            input.leaderRateBps ?? null,
            input.repurchase ?? false,
          ],
        );
        await insertVariants(tx, id, input.variants, { from: 0, actorId, reason: 'product created' });
        const product = await loadProduct(tx, id, true);
        if (by) {
          await record(tx, {
            by,
            at: now,
            action: 'product.create',
            target: { type: 'product', id },
            before: null,
            after: auditFields(product, true),
          });
        }
        return product;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw await skuTaken(db, id, input.variants);
      throw error;
    }
  }

  /**
   * Updates variants by id (never their stock) and adds those without one. Rows are written in id
   * order, as checkout locks them, so an edit and a multi-line checkout cannot deadlock.
   */
  async function updateVariants(
    tx: Queryable,
    productId: string,
    variants: readonly VariantInput[],
    actorId: string | null,
  ) {
    assertDistinctSkus(variants);
    const existing = (await q.variantsOf(tx, [productId])).get(productId) ?? [];
    const known = new Set(existing.map((v) => v.id));
    const added: VariantInput[] = [];
    const updates: { id: string; v: VariantInput; position: number }[] = [];
    for (const [i, v] of variants.entries()) {
      if (v.id === undefined) {
        added.push(v);
        continue;
      }
      if (!known.has(v.id))
        throw invalidInput(`/variants/${i}/id`, 'is not a variant of this product', 'notOfProduct');
      // Refused rather than ignored: a client that means to set stock this way must learn it did not.
      if (v.stock !== undefined)
        throw invalidInput(
          `/variants/${i}/stock`,
          'cannot be changed by a product edit; use POST /api/admin/variants/{id}/stock',
          'stockReadOnly',
        );
      updates.push({ id: v.id, v, position: i });
    }
    updates.sort((a, b) => a.id.localeCompare(b.id));
    for (const { id, v, position } of updates) {
      await tx.query('UPDATE variants SET sku = $2, title = $3, price = $4, position = $5 WHERE id = $1', [
        id,
        v.sku,
        v.title ?? '',
        v.price,
        position,
      ]);
    }
    // Variants left out stay: orders refer to them. Archive the product to stop selling it.
    await insertVariants(tx, productId, added, { from: variants.length, actorId, reason: 'variant added' });
  }

  async function updateProduct(
    id: string,
    patch: ProductPatch,
    actorId: string | null = null,
    by?: AuditContext,
  ): Promise<Product> {
    try {
      return await db.transaction(async (tx) => {
        const rows = await tx.query<q.ProductRow>('SELECT * FROM products WHERE id = $1 FOR NO KEY UPDATE', [
          id,
        ]);
        const row = rows[0];
        if (!row) throw notFound('Product');
        const before = by ? await loadProduct(tx, id, true) : undefined;
        const category =
          patch.category === undefined ? row.category : await storedCategory(tx, patch.category);
        await tx.query(
          `UPDATE products SET title = $2, description = $3, images = $4, category = $5,
             commission_rate_bps = $6, updated_at = $7, leader_rate_bps = $8, repurchase = $9 WHERE id = $1`,
          [
            id,
            patch.title?.trim() ?? row.title,
            patch.description ?? row.description,
            patch.images ?? row.images,
            category,
            patch.commissionRateBps === undefined ? row.commission_rate_bps : patch.commissionRateBps,
            clock.now(),
            patch.leaderRateBps === undefined ? row.leader_rate_bps : patch.leaderRateBps,
            patch.repurchase ?? row.repurchase,
          ],
        );
        if (patch.variants) await updateVariants(tx, id, patch.variants, actorId);
        const product = await loadProduct(tx, id, true);
        if (by && before) {
          await record(tx, {
            by,
            at: clock.now(),
            action: 'product.update',
            target: { type: 'product', id },
            before: auditFields(before),
            after: auditFields(product),
          });
        }
        return product;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw await skuTaken(db, id, patch.variants ?? []);
      throw error;
    }
  }

  /**
   * Archives or restores through the product machine. Asking for the state it is in changes
   * nothing (a double click answers the product as it is), so only a real move is checked.
   */
  async function setStatus(id: string, status: ProductStatus, by?: AuditContext): Promise<Product> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const was = (
        await tx.query<{ status: ProductStatus }>(
          'SELECT status FROM products WHERE id = $1 FOR NO KEY UPDATE',
          [id],
        )
      )[0]?.status;
      const rows = await tx.query<{ id: string }>(
        'UPDATE products SET status = $2, updated_at = $3 WHERE id = $1 AND status = ANY($4) RETURNING id',
        [id, status, at, productMachine.fromStates(status)],
      );
      const product = await loadProduct(tx, id, true);
      if (rows.length === 0) {
        if (product.status !== status) productMachine.assertTransition(product.status, status);
        return product;
      }
      if (by) {
        await record(tx, {
          by,
          at,
          action: status === 'archived' ? 'product.archive' : 'product.restore',
          target: { type: 'product', id },
          before: { status: was ?? null },
          after: { status },
        });
      }
      return product;
    });
  }

  /** A product a store may list: active; an archived one is refused with `product_archived`. */
  async function listableProduct(id: string): Promise<Product> {
    const product = await loadProduct(db, id, true);
    if (product.status === 'archived')
      throw refuse('product_archived', { productId: id }, 'This product is archived');
    return product;
  }

  /**
   * One page of products in the sort asked for, with how many match in all. A price range whose
   * top is below its bottom is a field error on `maxPrice` (rule `minimum`, `limit` = minPrice).
   */
  async function listProducts(filter: {
    q?: string;
    category?: string;
    sort?: ProductSort;
    minPrice?: number;
    maxPrice?: number;
    limit: number;
    cursor?: string;
    includeArchived?: boolean;
  }): Promise<Page<Product> & { total: number }> {
    const { minPrice, maxPrice, limit } = filter;
    if (minPrice !== undefined && maxPrice !== undefined && maxPrice < minPrice)
      throw invalidInput('/query/maxPrice', 'must not be below minPrice', 'minimum', { limit: minPrice });
    const text = filter.q?.trim() || undefined;
    const sort = effectiveSort(filter.sort, text !== undefined);
    const query: ProductFilter = {
      q: text,
      words: text ? wordQuery(text) : undefined,
      category: filter.category ? categorySlug(filter.category) : undefined,
      includeArchived: filter.includeArchived ?? false,
      minPrice,
      maxPrice,
      sort,
      limit,
    };
    const after = decodeSortCursor(filter.cursor, sort);
    // The storefront's lists may come from a read replica (platform/db-read); checkout re-reads.
    // The console's (archived included) read the primary: an operator sees their own edit.
    const reads = filter.includeArchived ? db : readerOf(db);
    const rows = await listMatching(reads, { ...query, after });
    const total = await countProducts(reads, query);
    const variants = await q.variantsOf(
      reads,
      rows.slice(0, limit).map((r) => r.id),
    );
    const page = toPage(
      rows,
      limit,
      (r) => sortCursorKey({ sort, value: r.sort_value ?? undefined, id: r.id }),
      (r) => presentProduct(r, variants.get(r.id) ?? []),
    );
    return { ...page, total };
  }

  /** Active products by id, in the order asked; unknown and archived ids are left out. */
  async function getProducts(ids: readonly string[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<q.ProductRow>(
      `SELECT * FROM products WHERE id = ANY($1) AND status = 'active'`,
      [ids],
    );
    const variants = await q.variantsOf(
      db,
      rows.map((r) => r.id),
    );
    const byId = new Map(rows.map((r) => [r.id, presentProduct(r, variants.get(r.id) ?? [])]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Variants with their product, as checkout snapshots them; archived products cannot be bought. */
  async function sellableVariants(conn: Queryable, variantIds: readonly string[]) {
    return conn.query<
      q.VariantRow & { product_title: string; commission_rate_bps: number | null; image: string | null }
    >(
      `SELECT v.*, p.title AS product_title, p.commission_rate_bps, p.images[1] AS image
       FROM variants v JOIN products p ON p.id = v.product_id
       WHERE v.id = ANY($1) AND p.status = 'active'`,
      [variantIds],
    );
  }

  /** Products' own level-1 commission rates, for those that override the operator's. */
  async function commissionRates(
    conn: Queryable,
    productIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows = await conn.query<{ id: string; commission_rate_bps: number }>(
      'SELECT id, commission_rate_bps FROM products WHERE id = ANY($1) AND commission_rate_bps IS NOT NULL',
      [productIds],
    );
    return new Map(rows.map((r) => [r.id, r.commission_rate_bps]));
  }

  /** Products' own community-leader commission rates, for those that override the operator's. */
  async function leaderRates(conn: Queryable, productIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await conn.query<{ id: string; leader_rate_bps: number }>(
      'SELECT id, leader_rate_bps FROM products WHERE id = ANY($1) AND leader_rate_bps IS NOT NULL',
      [productIds],
    );
    return new Map(rows.map((r) => [r.id, r.leader_rate_bps]));
  }

  return {
    bulkUpdate,
    commissionRates,
    leaderRates,
    createProduct,
    updateProduct,
    archiveProduct: (id: string, by?: AuditContext) => setStatus(id, 'archived', by),
    restoreProduct: (id: string, by?: AuditContext) => setStatus(id, 'active', by),
    // The public page may come from a read replica; the console's (archived included) reads the primary.
    getProduct: (id: string, includeArchived = false) =>
      loadProduct(includeArchived ? db : readerOf(db), id, includeArchived),
    listableProduct,
    getProducts,
    /** Products people buy again and again (the recommender shows them to recent buyers too). */
    repurchaseProductIds: async () =>
      (await db.query<{ id: string }>('SELECT id FROM products WHERE repurchase')).map((r) => r.id),
    listProducts,
    ...categories,
    reserveStock: stock.reserveStock,
    releaseStock: stock.releaseStock,
    adjustStock: stock.adjustStock,
    listMovements: stock.listMovements,
    sellableVariants,
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
