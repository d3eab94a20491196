import { instantOrNull } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CouponsContext } from './context.js';
import { type AdminCouponTemplate, type CouponTemplate, presentTemplate } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { templateMachine, termsProblem } from './rules.js';
import type { CreateTemplateInput, UpdateTemplateInput } from './schemas.js';

/** Applies the fields present in `input` over `base` (null clears a field). */
function withFields(base: q.TemplateRow, input: UpdateTemplateInput): q.TemplateRow {
  const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
  return {
    ...base,
    title: pick(input.title, base.title),
    description: pick(input.description, base.description),
    kind: pick(input.kind, base.kind),
    amount_off: pick(input.amountOff, base.amount_off),
    percent_off_bps: pick(input.percentOffBps, base.percent_off_bps),
    max_discount: pick(input.maxDiscount, base.max_discount),
    min_spend: pick(input.minSpend, base.min_spend),
    product_ids: pick(input.productIds, base.product_ids),
    starts_at: input.startsAt === undefined ? base.starts_at : instantOrNull(input.startsAt, '/startsAt'),
    ends_at: input.endsAt === undefined ? base.ends_at : instantOrNull(input.endsAt, '/endsAt'),
    valid_days: pick(input.validDays, base.valid_days),
    per_user_limit: pick(input.perUserLimit, base.per_user_limit),
    total_quantity: pick(input.totalQuantity, base.total_quantity),
    share_to_unlock: pick(input.shareToUnlock, base.share_to_unlock),
    claimable: pick(input.claimable, base.claimable),
  };
}

function assertSound(t: q.TemplateRow) {
  const problem = termsProblem({
    kind: t.kind,
    amountOff: t.amount_off,
    percentOffBps: t.percent_off_bps,
    maxDiscount: t.max_discount,
    startsAt: t.starts_at,
    endsAt: t.ends_at,
  });
  if (problem) throw new AppError('invalid_input', 'The coupon terms do not fit together', [problem]);
  if (t.total_quantity !== null && t.total_quantity < t.issued) {
    throw refuse(
      'coupon_quantity_below_issued',
      { issued: t.issued, totalQuantity: t.total_quantity },
      `${t.issued} coupons were already issued; the quantity cannot go below that`,
    );
  }
}

/** A share-to-unlock coupon where the market policy forbids it is refused (422 `policy_forbids`). */
function assertAllowedByPolicy(ctx: CouponsContext, t: q.TemplateRow) {
  if (t.share_to_unlock !== null) ctx.policy?.assertAllowed('shareToUnlock');
}

export async function createTemplate(
  ctx: CouponsContext,
  input: CreateTemplateInput,
  by?: AuditContext,
): Promise<CouponTemplate> {
  const now = ctx.clock.now();
  const empty: q.TemplateRow = {
    id: newId(),
    title: input.title,
    description: '',
    kind: input.kind,
    amount_off: null,
    percent_off_bps: null,
    max_discount: null,
    min_spend: 0,
    product_ids: null,
    starts_at: null,
    ends_at: null,
    valid_days: null,
    per_user_limit: 1,
    total_quantity: null,
    issued: 0,
    share_to_unlock: null,
    claimable: true,
    status: 'active',
    created_at: now,
    updated_at: now,
  };
  const row = withFields(empty, input);
  assertSound(row);
  assertAllowedByPolicy(ctx, row);
  return ctx.db.transaction(async (tx) => {
    await q.saveTemplate(tx, row);
    const template = presentTemplate(row);
    const target = { type: 'coupon', id: row.id };
    await record(tx, { by, at: now, action: 'coupon.create', target, before: null, after: template });
    return template;
  });
}

/**
 * Edits a template. People who already hold one keep the terms they claimed: only coupons issued
 * from now on get the new ones.
 */
export async function updateTemplate(
  ctx: CouponsContext,
  id: string,
  input: UpdateTemplateInput,
  by?: AuditContext,
): Promise<CouponTemplate> {
  return ctx.db.transaction(async (tx) => {
    const current = await q.lockTemplate(tx, id);
    if (!current) throw notFound('Coupon');
    const row = { ...withFields(current, input), updated_at: ctx.clock.now() };
    assertSound(row);
    if (input.shareToUnlock !== undefined) assertAllowedByPolicy(ctx, row);
    await q.saveTemplate(tx, row);
    const template = presentTemplate(row);
    const target = { type: 'coupon', id };
    await record(tx, {
      by,
      at: row.updated_at,
      action: 'coupon.update',
      target,
      before: presentTemplate(current),
      after: template,
    });
    return template;
  });
}

/**
 * Disabling stops new claims and grants; coupons already held stay usable until they lapse. Asking
 * for the state a template is already in changes nothing (the operator's second click).
 */
export async function setTemplateStatus(
  ctx: CouponsContext,
  id: string,
  status: q.TemplateRow['status'],
  by?: AuditContext,
): Promise<CouponTemplate> {
  return ctx.db.transaction(async (tx) => {
    const current = await q.lockTemplate(tx, id);
    if (!current) throw notFound('Coupon');
    if (current.status === status) return presentTemplate(current);
    templateMachine.assertTransition(current.status, status);
    const row = { ...current, status, updated_at: ctx.clock.now() };
    await q.saveTemplate(tx, row);
    await record(tx, {
      by,
      at: row.updated_at,
      action: status === 'disabled' ? 'coupon.disable' : 'coupon.enable',
      target: { type: 'coupon', id },
      before: { status: current.status },
      after: { status },
    });
    return presentTemplate(row);
  });
}

export async function getTemplate(ctx: CouponsContext, id: string): Promise<CouponTemplate> {
  const row = await q.findTemplate(ctx.db, id);
  if (!row) throw notFound('Coupon');
  return presentTemplate(row);
}

export async function listTemplates(
  ctx: CouponsContext,
  page: { limit: number; cursor?: string },
): Promise<Page<AdminCouponTemplate>> {
  const cursor = decodeTimeCursor(page.cursor);
  const before = cursor && { createdAt: cursor.at, id: cursor.id };
  const rows = await q.listTemplates(ctx.db, { limit: page.limit, before });
  const usage = new Map(
    (
      await q.templateUsage(
        ctx.db,
        rows.slice(0, page.limit).map((r) => r.id),
      )
    ).map((u) => [u.template_id, u]),
  );
  return toPage(
    rows,
    page.limit,
    (r) => [r.created_at.toISOString(), r.id],
    (r): AdminCouponTemplate => {
      const u = usage.get(r.id);
      return {
        ...presentTemplate(r),
        usage: {
          claimed: u?.claimed ?? 0,
          used: u?.used ?? 0,
          discountGiven: Number(u?.discount_given ?? 0),
          refunded: u?.refunded ?? 0,
        },
      };
    },
  );
}
