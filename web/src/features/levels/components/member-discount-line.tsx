import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { useBps } from '../../../lib/percent';
import { useMyLevel } from '../api/my-level';

/**
 * Checkout's estimate of the member discount: the level's share of the goods, rounded down as the
 * server does. Nothing on a group-buy seat (the campaign price is the deal) or without a discount;
 * the placed order's `memberDiscount` is what counts.
 */
export function MemberDiscountLine({ goodsTotal, groupBuy }: { goodsTotal: number; groupBuy: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = useBps();
  const bps = useMyLevel().data?.benefits.find((b) => b.kind === 'discount')?.bps ?? 0;
  if (groupBuy || bps === 0) return null;
  return (
    <div className="summary-total summary-discount" data-testid="checkout-member-discount">
      <span>{t('levels.memberDiscount', { percent: percent(bps) })}</span>
      <strong className="price">−{money(Math.floor((goodsTotal * bps) / 10_000))}</strong>
    </div>
  );
}
