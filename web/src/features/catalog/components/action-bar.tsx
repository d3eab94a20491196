import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The product page's main actions, fixed at the bottom of the screen just above the shop's tab
 * bar (styles/shopper.css), so they are in reach without scrolling on a phone. `notice` is shown
 * above the buttons (e.g. "Added to cart"), where the thumb that tapped is looking.
 */
export function ActionBar({ children, notice }: { children: ReactNode; notice?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="product-action-bar" aria-label={t('shopper.actions')} data-testid="action-bar">
      {notice}
      <div className="product-action-bar-buttons">{children}</div>
    </section>
  );
}

/** A bar button with a price under its label ("Buy alone / ¥45.00"), read as one phrase. */
export function PricedLabel({ label, price }: { label: string; price: string }) {
  return (
    <span className="priced-label">
      <span>{label}</span> <strong>{price}</strong>
    </span>
  );
}
