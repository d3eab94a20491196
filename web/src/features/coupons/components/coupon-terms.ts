import { useTranslation } from 'react-i18next';
import { useDateTime, useMoney } from '../../../lib/config';
import { useBps } from '../../../lib/percent';
import type { CouponTerms } from '../types';

/** "¥10.00 off" or "15% off, up to ¥20.00": what a coupon takes off, in words. */
export function useCouponValue(): (terms: CouponTerms) => string {
  const { t } = useTranslation();
  const money = useMoney();
  const bps = useBps();
  return (terms) => {
    if (terms.kind === 'amount_off') return t('coupons.amountOff', { amount: money(terms.amountOff ?? 0) });
    const percent = bps(terms.percentOffBps ?? 0);
    return terms.maxDiscount === null
      ? t('coupons.percentOff', { percent })
      : t('coupons.percentOffCapped', { percent, max: money(terms.maxDiscount) });
  };
}

/** The conditions under the value: minimum spend and product scope. */
export function useCouponConditions(): (terms: CouponTerms) => string {
  const { t } = useTranslation();
  const money = useMoney();
  return (terms) => {
    const spend =
      terms.minSpend > 0 ? t('coupons.minSpend', { amount: money(terms.minSpend) }) : t('coupons.noMinimum');
    return terms.productIds?.length ? `${spend} · ${t('coupons.someProducts')}` : spend;
  };
}

/** When a coupon (held) or the coupons of a template stop being usable. */
export function useCouponValidity(): (v: {
  validUntil?: string | null;
  validDays?: number | null;
  endsAt?: string | null;
}) => string {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (v) => {
    if (v.validUntil) return t('coupons.validUntil', { date: dateTime(v.validUntil) });
    if (v.validDays) return t('coupons.validDays', { count: v.validDays });
    if (v.endsAt) return t('coupons.validUntil', { date: dateTime(v.endsAt) });
    return t('coupons.noExpiry');
  };
}
