import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { useCheckoutQuote } from '../api/checkout-quote';
import type { ChosenPoints } from '../types';

/**
 * "Use N points, save ¥x" at checkout: the most points the order may take (the server's quote for
 * what is left to pay), on or off. The placed order's own `pointsDiscount` is what counts.
 */
export function PointsToggle({
  payable,
  value,
  onChange,
}: {
  payable: number;
  value: ChosenPoints | null;
  onChange: (chosen: ChosenPoints | null) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const quote = useCheckoutQuote(payable).data;
  const offer = quote && quote.maxPoints > 0 ? { points: quote.maxPoints, discount: quote.discount } : null;

  // When what is left to pay changes (a coupon chosen), a chosen offer follows the new quote.
  useEffect(() => {
    if (value && (!offer || offer.points !== value.points)) onChange(offer);
  }, [value, offer, onChange]);

  if (!quote) return null;
  if (!offer) {
    return quote.balance > 0 ? (
      <p className="muted points-toggle-none" data-testid="points-toggle-none">
        {t('pointsLedger.checkout.none')}
      </p>
    ) : null;
  }
  return (
    <label className="checkbox points-toggle" data-testid="points-toggle">
      <input
        type="checkbox"
        checked={value !== null}
        onChange={(e) => onChange(e.target.checked ? offer : null)}
        data-testid="use-points"
      />
      {t('pointsLedger.checkout.use', { points: offer.points, money: money(offer.discount) })}
    </label>
  );
}
