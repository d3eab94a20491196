import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db.js';
import type { AuditContext } from '../audit/index.js';
import { claimCoupon, grantCoupon, listHeldCoupons, listOffers, shareProgress } from './claims.js';
import type { CouponsContext } from './context.js';
import { type HeldFilter, markRedemptionPaid, redemptionOf, templateTitles } from './queries.js';
import { checkoutCoupons, couponChoices, returnCoupon } from './redeem.js';
import type { CreateTemplateInput, UpdateTemplateInput } from './schemas.js';
import {
  createTemplate,
  getTemplate,
  listTemplates,
  setTemplateStatus,
  updateTemplate,
} from './templates.js';

/**
 * Coupons: operators define templates, people claim them (or are given them), checkout redeems one
 * per order through `checkout`, and an order cancelled unpaid or refunded gives its coupon back.
 */
export function createCouponsService(ctx: CouponsContext) {
  const reactions = {
    /** Wired in src/reactions.ts as a deferred reaction to cancelled and refunded orders (idempotent). */
    returnCoupon: (tx: Tx, e: { orderId: string }) => returnCoupon(tx, e.orderId, ctx.clock.now()),
    /** In the payment's transaction, so a template's "used" figure matches its paid orders. */
    onPaid: (tx: Tx, e: { orderId: string }) => markRedemptionPaid(tx, e.orderId, ctx.clock.now()),
  };

  type PageArgs = { limit?: number; cursor?: string };
  const page = (p: PageArgs) => ({ limit: p.limit ?? 20, cursor: p.cursor });

  return {
    createTemplate: (input: CreateTemplateInput, by?: AuditContext) => createTemplate(ctx, input, by),
    updateTemplate: (id: string, input: UpdateTemplateInput, by?: AuditContext) =>
      updateTemplate(ctx, id, input, by),
    disableTemplate: (id: string, by?: AuditContext) => setTemplateStatus(ctx, id, 'disabled', by),
    enableTemplate: (id: string, by?: AuditContext) => setTemplateStatus(ctx, id, 'active', by),
    getTemplate: (id: string) => getTemplate(ctx, id),
    listTemplates: (p: PageArgs) => listTemplates(ctx, page(p)),
    listOffers: (viewerId: string | null, p: PageArgs) => listOffers(ctx, viewerId, page(p)),
    claim: (userId: string, templateId: string) => claimCoupon(ctx, userId, templateId),
    progress: (userId: string, templateId: string) => shareProgress(ctx, userId, templateId),
    held: (userId: string, f: PageArgs & { status?: HeldFilter }) =>
      listHeldCoupons(ctx, userId, { ...page(f), status: f.status }),
    choices: (
      userId: string,
      cart: { variantId: string; quantity: number }[],
      groupBuy?: { campaignId: string; groupId?: string },
    ) => couponChoices(ctx, userId, cart, groupBuy),
    grant: grantCoupon.bind(null, ctx),
    checkout: checkoutCoupons(ctx),
    /** What an order's coupon took off (analytics reads it when the order is paid). */
    redemptionOf,
    templateTitles: (ids: readonly string[]) => templateTitles(ctx.db, ids),
    reactions,
  };
}

export type CouponsService = ReturnType<typeof createCouponsService>;

/**
 * Checkout's side of coupons on its own: it needs only the clock (and the order's transaction), so
 * the composition root can hand it to orders before the coupon service, whose share-to-unlock and
 * group-price ports come from services created after orders.
 */
export const createCouponCheckout = (deps: { clock: Clock }) => checkoutCoupons(deps);
