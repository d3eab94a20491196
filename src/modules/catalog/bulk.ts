import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { type AuditContext, type AuditFields, record } from '../audit/index.js';
import { type BulkChange, type BulkRefusal, changedPrice, stockDelta } from './bulk-rules.js';
import * as cq from './category-queries.js';
import { defaultCategoryName } from './category-rules.js';
import * as q from './queries.js';
import { categorySlug, MAX_STOCK, productMachine } from './rules.js';

export type BulkAction =
  | { action: 'archive' | 'restore'; productIds: string[] }
  | { action: 'set_category'; productIds: string[]; category: string | null }
  | { action: 'price'; productIds: string[]; change: BulkChange }
  | { action: 'stock'; productIds: string[]; change: BulkChange; reason: string };

export type BulkItemOutcome = 'changed' | 'unchanged' | 'not_found' | BulkRefusal;
export interface BulkResult {
  results: { productId: string; outcome: BulkItemOutcome }[];
  changed: number;
  refused: number;
}

/**
 * Bulk actions of the console's product list. Results are per product: each product changes in its
 * own transaction (all its variants or none), and one that cannot change (a price or stock that
 * would fall below zero, an unknown id) is reported without stopping the others. Stock moves only
 * through the movement log, by a guarded UPDATE that never lets it go below zero.
 */
export function createBulkService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** One product's change; what changed goes to the audit log in the same transaction. */
  async function applyOne(tx: Tx, id: string, action: BulkAction, actorId: string, by?: AuditContext) {
    const audited = { before: {} as AuditFields, after: {} as AuditFields };
    const outcome = await changeOne(tx, id, action, actorId, audited);
    if (outcome === 'changed') {
      const target = { type: 'product', id };
      await record(tx, { by, at: clock.now(), action: `product.bulk.${action.action}`, target, ...audited });
    }
    return outcome;
  }

  async function changeOne(
    tx: Tx,
    id: string,
    action: BulkAction,
    actorId: string,
    audited: { before: AuditFields; after: AuditFields },
  ): Promise<BulkItemOutcome> {
    const [product] = await tx.query<q.ProductRow>('SELECT * FROM products WHERE id = $1 FOR NO KEY UPDATE', [
      id,
    ]);
    if (!product) return 'not_found';
    const now = clock.now();
    switch (action.action) {
      case 'archive':
      case 'restore': {
        const status = action.action === 'archive' ? 'archived' : 'active';
        if (product.status === status) return 'unchanged';
        productMachine.assertTransition(product.status, status);
        await tx.query('UPDATE products SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
        audited.before.status = product.status;
        audited.after.status = status;
        return 'changed';
      }
      case 'set_category': {
        const slug = action.category ? categorySlug(action.category) || null : null;
        if (product.category === slug) return 'unchanged';
        if (slug) await cq.ensureCategory(tx, slug, defaultCategoryName(slug), now);
        await tx.query('UPDATE products SET category = $2, updated_at = $3 WHERE id = $1', [id, slug, now]);
        audited.before.category = product.category;
        audited.after.category = slug;
        return 'changed';
      }
      case 'price': {
        const variants = (await q.variantsOf(tx, [id])).get(id) ?? [];
        const prices = variants.map((v) => ({ v, next: changedPrice(v.price, action.change) }));
        const refused = prices.find((p) => typeof p.next === 'string');
        if (refused) return refused.next as BulkRefusal;
        for (const { v, next } of prices.sort((a, b) => a.v.id.localeCompare(b.v.id))) {
          await tx.query('UPDATE variants SET price = $2 WHERE id = $1', [v.id, next]);
          audited.before[`variants.${v.sku}.price`] = v.price;
          audited.after[`variants.${v.sku}.price`] = next;
        }
        await tx.query('UPDATE products SET updated_at = $2 WHERE id = $1', [id, now]);
        return prices.some(({ v, next }) => next !== v.price) ? 'changed' : 'unchanged';
      }
      case 'stock': {
        const variants = await tx.query<q.VariantRow>(
          'SELECT * FROM variants WHERE product_id = $1 ORDER BY id FOR UPDATE',
          [id],
        );
        const deltas = variants.map((v) => ({ v, delta: stockDelta(v.stock, action.change) }));
        const refused = deltas.find((d) => typeof d.delta === 'string');
        if (refused) return refused.delta as BulkRefusal;
        const facts = { kind: 'adjustment' as const, actorId, reason: action.reason, orderId: null, at: now };
        let moved = false;
        for (const { v, delta } of deltas) {
          if (delta === 0) continue;
          // Guarded as every operator change is; under the row lock it cannot miss.
          const [m] = await q.moveStock(tx, v.id, delta as number, MAX_STOCK, facts);
          if (!m) throw new Error(`stock of ${v.id} moved under its lock`);
          audited.before[`variants.${v.sku}.stock`] = v.stock;
          audited.after[`variants.${v.sku}.stock`] = v.stock + (delta as number);
          moved = true;
        }
        return moved ? 'changed' : 'unchanged';
      }
    }
  }

  async function bulkUpdate(action: BulkAction, actorId: string, by?: AuditContext): Promise<BulkResult> {
    const results: BulkResult['results'] = [];
    // In id order, as checkout locks variants, so a bulk action and a checkout cannot deadlock.
    for (const productId of [...new Set(action.productIds)].sort()) {
      const outcome = await db.transaction((tx) => applyOne(tx, productId, action, actorId, by));
      results.push({ productId, outcome });
    }
    const ok = (o: BulkItemOutcome) => o === 'changed' || o === 'unchanged';
    return {
      results,
      changed: results.filter((r) => r.outcome === 'changed').length,
      refused: results.filter((r) => !ok(r.outcome)).length,
    };
  }

  return { bulkUpdate };
}
