import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { useBps } from '../../../lib/percent';
import { useMyLevel } from '../api/my-level';

/**
 * The buyer's member discount on `goodsTotal`: the level's share of the goods, rounded down as the
 * server does (integer maths). Nothing on a group-buy seat (the campaign price is the deal); the
 * placed order's `memberDiscount` is what counts.
 */
export function useMemberDiscount(goodsTotal: number, groupBuy: boolean): { bps: number; amount: number } {
  const bps = useMyLevel().data?.benefits.find((b) => b.kind === 'discount')?.bps ?? 0;
  if (groupBuy || bps === 0) return { bps: 0, amount: 0 };
  return { bps, amount: Math.floor((goodsTotal * bps) / 10_000) };
}

/** Checkout's member discount line: the level's percentage and the amount; nothing without one. */
export function MemberDiscountLine({ bps, amount }: { bps: number; amount: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = useBps();
  if (bps === 0 || amount === 0) return null;
  return (
    <div className="summary-total summary-discount" data-testid="checkout-member-discount">
      <span>{t('levels.memberDiscount', { percent: percent(bps) })}</span>
      <strong className="price">−{money(amount)}</strong>
    </div>
  );
}
