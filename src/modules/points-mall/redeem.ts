import type { Queryable, Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { MallContext } from './context.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { initialStatus, needsAddress, type RedemptionStatus, redemptionMachine } from './rules.js';
import type { AdminRedemption, RedeemInput, Redemption } from './schemas.js';

const present = (r: q.RedemptionRow): Redemption => ({
  id: r.id,
  itemId: r.item_id,
  kind: r.kind,
  title: r.title,
  costPoints: r.cost_points,
  status: r.status,
  couponId: r.coupon_id,
  orderId: r.order_id,
  createdAt: r.created_at.toISOString(),
  doneAt: r.done_at?.toISOString() ?? null,
});

/** The points' reference: one spend per redemption, whatever retries. */
const spendRef = (redemptionId: string) => `mall:${redemptionId}`;

/** Why no unit could be taken: the item is gone or off sale (404), or none is left (409). */
async function noUnit(tx: Tx, itemId: string): Promise<never> {
  const item = await q.findItem(tx, itemId);
  if (!item?.active) throw notFound('Points-mall item');
  throw refuse('mall_sold_out', { itemId }, 'None of this item is left');
}

/** What the item gives, in the redemption's transaction: a coupon, an order, or (a perk) nothing yet. */
async function give(
  ctx: MallContext,
  tx: Tx,
  item: q.ItemRow,
  userId: string,
  address: RedeemInput['address'],
): Promise<{ couponId: string | null; orderId: string | null }> {
  switch (item.kind) {
    case 'coupon': {
      const coupon = await ctx.coupons.grant(tx, item.coupon_template_id as string, userId, 'mall');
      if (!coupon)
        throw refuse('mall_item_unavailable', { itemId: item.id }, 'This item’s coupon cannot be given now');
      return { couponId: coupon.id, orderId: null };
    }
    case 'product': {
      const order = await ctx.orders.placeRedemptionOrder(tx, {
        userId,
        variantId: item.variant_id as string,
        address: address as Record<string, string | undefined>,
        points: item.cost_points,
      });
      return { couponId: null, orderId: order.id };
    }
    case 'perk':
      return { couponId: null, orderId: null };
  }
}

export function redemptionsOf(ctx: MallContext) {
  const { db, clock } = ctx;

  /**
   * Redeems one unit, in one transaction, in the order of REFUSAL_ORDER: take a unit (409
   * `mall_sold_out`), count it against the person's limit (409 `mall_limit_reached`), give what the
   * item gives, then spend the points (422 `not_enough_points`). Any refusal rolls all of it back, so
   * points are never spent without a unit and a unit never leaves without its points. Locks are taken
   * item row → person's count → coupon template or variant → person's points, the same way every time.
   * Giving comes before spending so that a product order locks its variant before the points, as
   * checkout does (stock, then points): the two never wait for each other in opposite orders.
   */
  async function redeem(userId: string, itemId: string, input: RedeemInput): Promise<Redemption> {
    // An item's kind never changes, so the address is checked before anything is locked.
    const known = await q.findItem(db, itemId);
    if (!known?.active) throw notFound('Points-mall item');
    if (needsAddress(known.kind) && input.address === undefined)
      throw invalidInput('/address', 'is required for a product item', 'required');
    if (!needsAddress(known.kind) && input.address !== undefined)
      throw invalidInput('/address', `is not taken by a ${known.kind} item`, 'additionalProperties');
    return db.transaction(async (tx) => {
      const item = (await q.takeUnit(tx, itemId)) ?? (await noUnit(tx, itemId));
      const counted = await q.countTaker(tx, { itemId, userId, limit: item.per_person_limit });
      if (counted === undefined)
        throw refuse(
          'mall_limit_reached',
          { itemId, perPersonLimit: item.per_person_limit as number },
          `You already redeemed this item ${item.per_person_limit} times`,
        );
      const id = newId();
      const given = await give(ctx, tx, item, userId, input.address);
      await ctx.points.spend(tx, { userId, points: item.cost_points, reason: 'mall', ref: spendRef(id) });
      const now = clock.now();
      const status = initialStatus(item.kind);
      const row: q.RedemptionRow = {
        id,
        item_id: item.id,
        user_id: userId,
        kind: item.kind,
        title: item.title,
        cost_points: item.cost_points,
        status,
        coupon_id: given.couponId,
        order_id: given.orderId,
        created_at: now,
        done_at: status === 'done' ? now : null,
      };
      await q.insertRedemption(tx, row);
      return present(row);
    });
  }

  async function pageOf(f: {
    userId?: string;
    status?: RedemptionStatus;
    itemId?: string;
    limit?: number;
    cursor?: string;
  }) {
    const limit = f.limit ?? 20;
    const [beforeId] = decodeCursor(f.cursor) ?? [];
    const rows = await q.listRedemptions(db, {
      ...f,
      limit,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    return { rows, limit };
  }

  async function myRedemptions(userId: string, page: { limit?: number; cursor?: string }) {
    const { rows, limit } = await pageOf({ ...page, userId });
    return toPage(rows, limit, (r) => [r.id], present);
  }

  async function withBuyers(
    conn: Queryable,
    rows: readonly q.RedemptionRow[],
  ): Promise<Map<string, AdminRedemption>> {
    const contacts = await ctx.people.contactsOf(
      conn,
      rows.map((r) => r.user_id),
    );
    return new Map(
      rows.map((r) => {
        const contact = contacts.get(r.user_id);
        const buyer = { id: r.user_id, name: contact?.name ?? '', email: contact?.email ?? '' };
        return [r.id, { ...present(r), buyer }];
      }),
    );
  }

  async function adminRedemptions(f: {
    status?: RedemptionStatus;
    itemId?: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<AdminRedemption>> {
    const { rows, limit } = await pageOf(f);
    const presented = await withBuyers(db, rows.slice(0, limit));
    return toPage(
      rows,
      limit,
      (r) => [r.id],
      (r) => presented.get(r.id) as AdminRedemption,
    );
  }

  /** The operator fulfilled a perk: `pending` → `done`; done already → 409 `invalid_transition`. */
  async function markDone(redemptionId: string, by?: AuditContext): Promise<AdminRedemption> {
    return db.transaction(async (tx) => {
      const locked = await q.lockRedemption(tx, redemptionId);
      if (!locked) throw notFound('Redemption');
      redemptionMachine.assertTransition(locked.status, 'done');
      const row = await q.setRedemptionStatus(tx, {
        id: redemptionId,
        from: redemptionMachine.fromStates('done'),
        to: 'done',
        at: clock.now(),
      });
      await record(tx, {
        by,
        at: clock.now(),
        action: 'points-mall-redemption.done',
        target: { type: 'points-mall-redemption', id: redemptionId },
        before: { status: locked.status },
        after: { status: 'done' },
      });
      return (await withBuyers(tx, [row as q.RedemptionRow])).get(redemptionId) as AdminRedemption;
    });
  }

  return { redeem, myRedemptions, adminRedemptions, markDone };
}
