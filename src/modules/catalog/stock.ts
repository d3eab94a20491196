import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { MAX_STOCK, parseStockChange, type StockChangeInput } from './rules.js';
import type { StockMovement } from './schemas.js';

export interface StockLine {
  variantId: string;
  quantity: number;
}

export type { StockMovement };

/** Why stock came back: an unpaid order let go of it, or a paid one was refunded or returned. */
export interface StockRelease {
  orderId?: string;
  kind?: 'released' | 'returned';
  reason?: string;
}

// Order-driven changes are bounded only below: a return must never fail for being "too much".
const NO_UPPER_BOUND = 2_147_483_647;

const presentMovement = (m: q.MovementRow): StockMovement => ({
  id: String(m.id),
  variantId: m.variant_id,
  delta: m.delta,
  stock: m.stock_after,
  kind: m.kind,
  actorId: m.actor_id,
  reason: m.reason,
  orderId: m.order_id,
  createdAt: m.created_at.toISOString(),
});

const byVariant = (lines: readonly StockLine[]) =>
  [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));

/**
 * Stock and its movement log. Every change of `variants.stock` goes through here and is recorded
 * in the same statement, so the log's deltas always sum to the stock.
 */
export function createStockService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /**
   * Takes stock for an order inside the caller's transaction, one guarded UPDATE per line (which
   * also records the movement), so concurrent buyers can never drive stock below zero; variants
   * are locked in id order so two multi-line orders cannot deadlock.
   */
  async function reserveStock(tx: Queryable, lines: readonly StockLine[], order: { orderId: string }) {
    const facts = {
      kind: 'sold' as const,
      actorId: null,
      reason: '',
      orderId: order.orderId,
      at: clock.now(),
    };
    for (const line of byVariant(lines)) {
      const taken = await q.moveStock(tx, line.variantId, -line.quantity, NO_UPPER_BOUND, facts);
      if (taken.length === 0) {
        const available = (await q.findVariant(tx, line.variantId))?.stock ?? 0;
        throw refuse(
          'out_of_stock',
          { variantId: line.variantId, available },
          `Not enough stock: ${available} left of a variant`,
        );
      }
    }
  }

  /** Gives stock back inside the caller's transaction: `released` by default, `returned` for refunds. */
  async function releaseStock(tx: Queryable, lines: readonly StockLine[], release: StockRelease = {}) {
    const facts = {
      kind: release.kind ?? 'released',
      actorId: null,
      reason: release.reason ?? '',
      orderId: release.orderId ?? null,
      at: clock.now(),
    };
    for (const line of byVariant(lines)) {
      await q.moveStock(tx, line.variantId, line.quantity, NO_UPPER_BOUND, facts);
    }
  }

  /**
   * An operator's change: a delta, or a compare-and-set that fails with 409 when the stock moved
   * since the operator read it. Stock stays within 0..MAX_STOCK (422 otherwise).
   */
  async function adjustStock(
    variantId: string,
    input: StockChangeInput,
    actorId: string,
    by?: AuditContext,
  ): Promise<StockMovement> {
    const parsed = parseStockChange(input);
    if ('error' in parsed) throw invalidInput(parsed.error.path, parsed.error.message, parsed.error.rule);
    const { change } = parsed;
    if (change.mode === 'set' && change.stock > MAX_STOCK)
      throw invalidInput('/stock', `must be at most ${MAX_STOCK}`, 'maximum', { limit: MAX_STOCK });
    const facts = {
      kind: 'adjustment' as const,
      actorId,
      reason: change.reason,
      orderId: null,
      at: clock.now(),
    };
    // The movement and its audit entry commit together, or neither does.
    const moved = await db.transaction(async (tx) => {
      const [row] =
        change.mode === 'delta'
          ? await q.moveStock(tx, variantId, change.delta, MAX_STOCK, facts)
          : await q.setStock(tx, variantId, change.expected, change.stock, facts);
      if (row && by) {
        await record(tx, {
          by,
          at: facts.at,
          action: 'stock.adjust',
          target: { type: 'variant', id: variantId },
          before: { stock: row.stock_after - row.delta },
          after: { stock: row.stock_after, reason: change.reason },
        });
      }
      return row;
    });
    if (moved) return presentMovement(moved);

    const variant = await q.findVariant(db, variantId);
    if (!variant) throw notFound('Variant');
    const available = variant.stock;
    if (change.mode === 'set') {
      throw refuse(
        'stock_changed',
        { variantId, available, expected: change.expected },
        `The stock changed since you read it: it is ${available} now, not ${change.expected}`,
      );
    }
    if (available + change.delta < 0) {
      throw refuse(
        'insufficient_stock',
        { variantId, available },
        `Stock cannot go below zero: ${available} in stock, so at most ${available} can be removed`,
      );
    }
    throw refuse(
      'stock_above_maximum',
      { variantId, available, max: MAX_STOCK },
      `Stock cannot exceed ${MAX_STOCK}: ${available} in stock`,
    );
  }

  async function listMovements(
    variantId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<StockMovement>> {
    const [beforeId] = decodeCursor(page.cursor) ?? [];
    if (beforeId !== undefined && !Number.isSafeInteger(beforeId))
      throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
    if (!(await q.findVariant(db, variantId))) throw notFound('Variant');
    const rows = await q.movementsOf(db, variantId, beforeId as number | undefined, page.limit);
    return toPage(rows, page.limit, (r) => [r.id], presentMovement);
  }

  return { reserveStock, releaseStock, adjustStock, listMovements };
}
