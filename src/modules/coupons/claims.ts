import type { Queryable, Tx } from '../../platform/db.js';
import { type AppError, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { CouponsContext } from './context.js';
import { type CouponTemplate, type HeldCoupon, presentHeld, presentTemplate } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { type ClaimRefusal, claimRefusal, type GrantSource, validUntil } from './rules.js';

export type Offer = CouponTemplate & { held: number; canClaim: boolean };

/** Share-to-unlock counts visitors from when the template opened, so each campaign starts at zero. */
const unlockSince = (t: q.TemplateRow) => t.starts_at ?? t.created_at;

async function visitorsFor(ctx: CouponsContext, conn: Queryable, t: q.TemplateRow, userId: string) {
  return t.share_to_unlock === null ? 0 : ctx.shareVisitors(conn, userId, unlockSince(t));
}

function refusalError(templateId: string, refusal: ClaimRefusal): AppError {
  switch (refusal.reason) {
    case 'unavailable':
      return refuse('coupon_unavailable', { templateId }, 'This coupon is no longer available');
    case 'not_started':
      return refuse(
        'coupon_not_started',
        { templateId, startsAt: refusal.startsAt.toISOString() },
        `This coupon can be claimed from ${refusal.startsAt.toISOString()}`,
      );
    case 'ended':
      return refuse(
        'coupon_claim_ended',
        { templateId, endsAt: refusal.endsAt.toISOString() },
        'Claiming this coupon has ended',
      );
    case 'sold_out':
      return refuse(
        'coupon_sold_out',
        { templateId, totalQuantity: refusal.totalQuantity },
        'All of these coupons have been claimed',
      );
    case 'limit_reached':
      return refusal.limit === 1
        ? refuse('coupon_already_claimed', { templateId }, 'You already hold this coupon')
        : refuse(
            'coupon_claim_limit_reached',
            { templateId, perUserLimit: refusal.limit },
            `You already hold the most of this coupon one person may claim (${refusal.limit})`,
          );
    case 'locked':
      return refuse(
        'coupon_share_locked',
        { templateId, visitors: refusal.reached, required: refusal.required },
        `Share to unlock: ${refusal.reached} of ${refusal.required} different people have opened your share links`,
      );
  }
}

/** Issues one coupon from a locked template to `userId`: copies its terms, counts it. */
async function issue(
  ctx: CouponsContext,
  tx: Tx,
  t: q.TemplateRow,
  userId: string,
  source: q.HeldCouponRow['source'],
) {
  const now = ctx.clock.now();
  const held: q.HeldCouponWithTitle = {
    id: newId(),
    template_id: t.id,
    user_id: userId,
    source,
    kind: t.kind,
    amount_off: t.amount_off,
    percent_off_bps: t.percent_off_bps,
    max_discount: t.max_discount,
    min_spend: t.min_spend,
    product_ids: t.product_ids,
    claimed_at: now,
    valid_from: now,
    valid_until: validUntil({ validDays: t.valid_days, endsAt: t.ends_at }, now),
    order_id: null,
    used_at: null,
    title: t.title,
    description: t.description,
  };
  await q.insertHeldCoupon(tx, held);
  await q.countIssued(tx, t.id);
  return presentHeld(held, now);
}

/**
 * Claims one coupon from the coupon centre. The template row is locked first, so racing claims
 * queue on it and the quantity and per-person limit hold however many arrive at once.
 */
export async function claimCoupon(
  ctx: CouponsContext,
  userId: string,
  templateId: string,
): Promise<HeldCoupon> {
  const held = await ctx.db.transaction(async (tx) => {
    const t = await q.lockTemplate(tx, templateId);
    // A coupon kept for rewards is not offered to anyone: to a claimer it does not exist.
    if (!t?.claimable) throw notFound('Coupon');
    if (t.share_to_unlock !== null) ctx.policy?.assertAllowed('shareToUnlock');
    const refusal = claimRefusal(
      {
        status: t.status,
        claimable: t.claimable,
        startsAt: t.starts_at,
        endsAt: t.ends_at,
        totalQuantity: t.total_quantity,
        issued: t.issued,
        perUserLimit: t.per_user_limit,
        heldByClaimer: await q.countHeld(tx, t.id, userId),
        shareToUnlock: t.share_to_unlock,
        visitors: await visitorsFor(ctx, tx, t, userId),
      },
      ctx.clock.now(),
    );
    if (refusal) throw refusalError(t.id, refusal);
    return issue(ctx, tx, t, userId, 'claim');
  });
  ctx.onUnlocked?.({ userId, templateId, source: 'claim' });
  return held;
}

/**
 * Gives a coupon as a reward, inside the caller's transaction, recording where it came from.
 * Claim windows and per-person limits do not apply (the operator chose to give it); a disabled or
 * used-up template gives nothing.
 */
export async function grantCoupon(
  ctx: CouponsContext,
  tx: Tx,
  templateId: string,
  userId: string,
  source: GrantSource,
): Promise<HeldCoupon | null> {
  const t = await q.lockTemplate(tx, templateId);
  if (t?.status !== 'active') return null;
  if (t.total_quantity !== null && t.issued >= t.total_quantity) return null;
  const held = await issue(ctx, tx, t, userId, source);
  // Inside the caller's transaction: a grant rolled back later may still be counted, as a buffered click may.
  ctx.onUnlocked?.({ userId, templateId, source });
  return held;
}

export async function shareProgress(ctx: CouponsContext, userId: string, templateId: string) {
  const t = await q.findTemplate(ctx.db, templateId);
  if (!t?.claimable) throw notFound('Coupon');
  return { required: t.share_to_unlock ?? 0, reached: await visitorsFor(ctx, ctx.db, t, userId) };
}

/** The coupon centre: templates open for claiming now, with what the viewer already holds. */
export async function listOffers(
  ctx: CouponsContext,
  viewerId: string | null,
  page: { limit: number; cursor?: string },
): Promise<Page<Offer>> {
  const cursor = decodeTimeCursor(page.cursor);
  const before = cursor && { createdAt: cursor.at, id: cursor.id };
  const now = ctx.clock.now();
  const rows = await q.listTemplates(ctx.db, { limit: page.limit, before, claimableAt: now });
  const visible = rows.slice(0, page.limit);
  const held = viewerId
    ? await q.heldCounts(
        ctx.db,
        viewerId,
        visible.map((r) => r.id),
      )
    : new Map<string, number>();
  const offers = toPage(
    rows,
    page.limit,
    (r) => [r.created_at.toISOString(), r.id],
    (r) => {
      const mine = held.get(r.id) ?? 0;
      const soldOut = r.total_quantity !== null && r.issued >= r.total_quantity;
      return { ...presentTemplate(r), held: mine, canClaim: !soldOut && mine < r.per_user_limit };
    },
  );
  // Where the market policy forbids share-to-unlock, such offers are not shown (the cursor still pages on).
  if (ctx.policy && !ctx.policy.allows('shareToUnlock'))
    offers.items = offers.items.filter((o) => o.shareToUnlock === null);
  return offers;
}

export async function listHeldCoupons(
  ctx: CouponsContext,
  userId: string,
  f: { status?: q.HeldFilter; limit: number; cursor?: string },
): Promise<Page<HeldCoupon>> {
  const cursor = decodeTimeCursor(f.cursor);
  const before = cursor && { claimedAt: cursor.at, id: cursor.id };
  const now = ctx.clock.now();
  const rows = await q.listHeld(ctx.db, { userId, status: f.status, now, limit: f.limit, before });
  return toPage(
    rows,
    f.limit,
    (r) => [r.claimed_at.toISOString(), r.id],
    (r) => presentHeld(r, now),
  );
}
