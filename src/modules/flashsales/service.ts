import { type Clock, instantOrNull } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CatalogService, Product } from '../catalog/index.js';
import * as q from './queries.js';
import { remainingOf, saleProblems, saleStatus } from './rules.js';
import type { FlashSale, SaleInput } from './schemas.js';

const CURRENT_SHOWN = 50;

export interface FlashSaleDeps {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
}

/**
 * Flash sales: the operator's sales, the storefront's current and upcoming ones, and the units an
 * unpaid order gives back when it is cancelled or expires (a refund keeps them sold).
 */
export function createFlashSaleService({ db, clock, catalog }: FlashSaleDeps) {
  function present(row: q.SaleRow, product: Product | undefined, now: Date): FlashSale {
    return {
      id: row.id,
      variantId: row.variant_id,
      productId: row.product_id,
      product: { id: row.product_id, title: product?.title ?? '', image: product?.images[0] ?? null },
      price: row.price,
      regularPrice: product?.variants.find((v) => v.id === row.variant_id)?.price ?? null,
      quantity: row.quantity,
      remaining: remainingOf(row),
      perUserLimit: row.per_user_limit,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      status: saleStatus({ ...row, startsAt: row.starts_at, endsAt: row.ends_at }, now),
    };
  }

  async function presentAll(rows: readonly q.SaleRow[]): Promise<FlashSale[]> {
    const products = new Map(
      (await catalog.getProducts([...new Set(rows.map((r) => r.product_id))])).map((p) => [p.id, p]),
    );
    const now = clock.now();
    return rows.map((r) => present(r, products.get(r.product_id), now));
  }

  async function createSale(input: SaleInput, by?: AuditContext): Promise<FlashSale> {
    const [variant] = await catalog.sellableVariants(db, [input.variantId]);
    if (!variant) throw notFound(`Variant ${input.variantId}`);
    const now = clock.now();
    const row: q.SaleRow = {
      id: newId(),
      variant_id: variant.id,
      product_id: variant.product_id,
      price: input.price,
      quantity: input.quantity,
      taken: 0,
      per_user_limit: input.perUserLimit,
      starts_at: instantOrNull(input.startsAt, '/startsAt') as Date,
      ends_at: instantOrNull(input.endsAt, '/endsAt') as Date,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    const problems = saleProblems({
      price: row.price,
      regularPrice: variant.price,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      now,
    });
    if (problems.length > 0) throw new AppError('invalid_input', 'The flash sale is invalid', problems);
    await db.transaction(async (tx) => {
      await q.insertSale(tx, row);
      const target = { type: 'flash_sale', id: row.id };
      await record(tx, { by, at: now, action: 'flash-sale.create', target, before: null, after: row });
    });
    return (await presentAll([row]))[0] as FlashSale;
  }

  async function closeSale(id: string, by?: AuditContext): Promise<FlashSale> {
    const row = await db.transaction(async (tx) => {
      const before = await q.findSale(tx, id);
      if (!before) throw notFound('Flash sale');
      const after = (await q.closeSale(tx, id, clock.now())) as q.SaleRow;
      const target = { type: 'flash_sale', id };
      await record(tx, { by, at: clock.now(), action: 'flash-sale.close', target, before, after });
      return after;
    });
    return (await presentAll([row]))[0] as FlashSale;
  }

  async function getSale(id: string): Promise<FlashSale> {
    const row = await q.findSale(db, id);
    if (!row) throw notFound('Flash sale');
    return (await presentAll([row]))[0] as FlashSale;
  }

  /** Live, sold-out and upcoming sales, the soonest to open first (the storefront's list). */
  async function listCurrent(): Promise<{ items: FlashSale[] }> {
    return { items: await presentAll(await q.currentSales(db, clock.now(), CURRENT_SHOWN)) };
  }

  async function listForAdmin(filter: { limit: number; cursor?: string }): Promise<Page<FlashSale>> {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.allSales(db, beforeId === undefined ? null : String(beforeId), filter.limit);
    const presented = new Map((await presentAll(rows.slice(0, filter.limit))).map((s) => [s.id, s]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => presented.get(r.id) as FlashSale,
    );
  }

  /** On `order.cancelled` (also when an unpaid order expires), in its transaction: units go back once. */
  async function onCancelled(tx: Tx, payload: { orderId: string }) {
    const released = await q.releaseSaleOrder(tx, payload.orderId, clock.now());
    if (released)
      await q.giveBack(tx, { saleId: released.sale_id, userId: released.user_id, units: released.quantity });
  }

  return { createSale, closeSale, getSale, listCurrent, listForAdmin, reactions: { onCancelled } };
}

export type FlashSaleService = ReturnType<typeof createFlashSaleService>;
