import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { useMoney } from '../../../lib/config';
import { useCart } from '../cart-store';
import { CartLineRow } from '../components/cart-line-row';

export function CartPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { lines, subtotal, count } = useCart();
  if (lines.length === 0) {
    return (
      <section className="page narrow">
        <h1>{t('cart.title')}</h1>
        <EmptyState title={t('cart.empty')} testId="cart-empty">
          <Link className="btn btn-primary" to="/">
            {t('cart.continueShopping')}
          </Link>
        </EmptyState>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t('cart.title')}</h1>
      <ul className="cart-lines">
        {lines.map((line) => (
          <CartLineRow key={line.variantId} line={line} />
        ))}
      </ul>
      <div className="summary-bar">
        <div>
          <span className="muted">{t('cart.subtotal', { count })}</span>
          <strong className="price price-large" data-testid="cart-subtotal">
            {money(subtotal)}
          </strong>
        </div>
        <Link className="btn btn-primary" to="/checkout" data-testid="go-checkout">
          {t('cart.checkout')}
        </Link>
      </div>
    </section>
  );
}
