import { useTranslation } from 'react-i18next';

/** How much of the sale is gone, as a bar and in words ("72% sold · 28 left"). */
export function StockBar({ quantity, remaining }: { quantity: number; remaining: number }) {
  const { t } = useTranslation();
  const sold = quantity - remaining;
  const percent = quantity > 0 ? Math.round((sold / quantity) * 100) : 0;
  return (
    <div className="stock-bar" data-testid="stock-bar" data-remaining={remaining}>
      <div
        className="stock-bar-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={quantity}
        aria-valuenow={sold}
      >
        <div className="stock-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <small className="muted">{t('flashSale.soldShare', { percent, count: remaining })}</small>
    </div>
  );
}
