import type { FieldError } from '../../../lib/api-error';
import { formatDecimal, parseDecimal } from '../../../lib/money';
import { bpsToPercent, percentToBps } from '../../../lib/percent';
import type { CouponKind, CouponTemplate, TemplateInput } from '../types';

/** The coupon form as typed: every number is text until it is checked. */
export interface CouponDraft {
  title: string;
  description: string;
  kind: CouponKind;
  amountOff: string;
  percentOff: string;
  maxDiscount: string;
  minSpend: string;
  productIds: string;
  startsAt: string;
  endsAt: string;
  validDays: string;
  perUserLimit: string;
  totalQuantity: string;
  shareToUnlock: string;
  claimable: boolean;
}

export type DraftProblem = 'invalidAmount' | 'invalidPercent' | 'invalidWhole' | 'required';

/** `datetime-local` inputs hold local time without a zone; the API takes ISO instants. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function draftOf(t: CouponTemplate | undefined, digits: number): CouponDraft {
  const money = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : formatDecimal(v, digits);
  const whole = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    title: t?.title ?? '',
    description: t?.description ?? '',
    kind: t?.kind ?? 'amount_off',
    amountOff: money(t?.amountOff),
    percentOff: t?.percentOffBps ? bpsToPercent(t.percentOffBps) : '',
    maxDiscount: money(t?.maxDiscount),
    minSpend: money(t?.minSpend ?? 0),
    productIds: (t?.productIds ?? []).join('\n'),
    startsAt: toLocalInput(t?.startsAt ?? null),
    endsAt: toLocalInput(t?.endsAt ?? null),
    validDays: whole(t?.validDays),
    perUserLimit: whole(t?.perUserLimit ?? 1),
    totalQuantity: whole(t?.totalQuantity),
    shareToUnlock: whole(t?.shareToUnlock),
    claimable: t?.claimable ?? true,
  };
}

/** Checks the draft and builds the request body; errors carry the API's field paths. */
export function toInput(d: CouponDraft, digits: number): { input?: TemplateInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (path: string, message: DraftProblem) => {
    errors.push({ path, message });
    return null;
  };
  /** Discounts are at least one minor unit (the API refuses 0); a minimum spend may be 0. */
  const money = (path: string, text: string, optional: boolean, least = 1) => {
    if (text.trim() === '') return optional ? null : fail(path, 'required');
    const value = parseDecimal(text, digits);
    return value !== null && value >= least ? value : fail(path, 'invalidAmount');
  };
  const whole = (path: string, text: string, optional: boolean) => {
    if (text.trim() === '') return optional ? null : fail(path, 'required');
    return /^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : fail(path, 'invalidWhole');
  };
  const instant = (text: string) => (text ? new Date(text).toISOString() : null);
  const percentOffBps =
    d.kind === 'percent_off' ? percentToBps(d.percentOff) || fail('/percentOffBps', 'invalidPercent') : null;
  const productIds = d.productIds
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const input: TemplateInput = {
    title: d.title.trim(),
    description: d.description.trim(),
    kind: d.kind,
    amountOff: d.kind === 'amount_off' ? money('/amountOff', d.amountOff, false) : null,
    percentOffBps,
    maxDiscount: d.kind === 'percent_off' ? money('/maxDiscount', d.maxDiscount, true) : null,
    minSpend: money('/minSpend', d.minSpend || '0', false, 0) ?? 0,
    productIds: productIds.length ? [...new Set(productIds)] : null,
    startsAt: instant(d.startsAt),
    endsAt: instant(d.endsAt),
    validDays: whole('/validDays', d.validDays, true),
    perUserLimit: whole('/perUserLimit', d.perUserLimit, false) ?? 1,
    totalQuantity: whole('/totalQuantity', d.totalQuantity, true),
    shareToUnlock: whole('/shareToUnlock', d.shareToUnlock, true),
    claimable: d.claimable,
  };
  if (!input.title) fail('/title', 'required');
  return errors.length ? { errors } : { input, errors };
}
