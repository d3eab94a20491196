import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import type { ShippingQuote } from '../types';

/**
 * Checkout's shipping line: the server's quote for the chosen address's province, the same
 * function checkout charges with; how much more would ship free; why it is free when it is.
 */
export function ShippingFeeLine({ quote }: { quote: UseQueryResult<ShippingQuote> }) {
  const { t } = useTranslation();
  const money = useMoney();
  const data = quote.data;
  const toFree = data?.parts.reduce<number | null>(
    (least, p) =>
      p.fee > 0 && p.amountToFree !== null && (least === null || p.amountToFree < least)
        ? p.amountToFree
        : least,
    null,
  );
  return (
    <>
      <div className="summary-total" data-testid="checkout-shipping">
        <span>{t('shipping.fee')}</span>
        {data === undefined ? (
          <span className="muted">{quote.isError ? t('shipping.unknown') : t('shipping.calculating')}</span>
        ) : (
          <strong className="price" data-testid="checkout-shipping-fee">
            {data.fee === 0 ? t('shipping.free') : money(data.fee)}
          </strong>
        )}
      </div>
      {data?.waiver ? (
        <p className="muted small" data-testid="checkout-shipping-waiver">
          {t(`shipping.waiver.${data.waiver}`)}
        </p>
      ) : toFree ? (
        <p className="muted small" data-testid="checkout-shipping-to-free">
          {t('shipping.toFree', { amount: money(toFree) })}
        </p>
      ) : null}
    </>
  );
}
