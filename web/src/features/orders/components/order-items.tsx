import { useTranslation } from 'react-i18next';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import type { Order } from '../types';

export function OrderItems({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <div className="order-items">
      <ul className="cart-lines">
        {order.items.map((item) => (
          <li key={item.id} className="cart-line" data-testid="order-item">
            <div className="cart-line-image">
              <ProductImage src={item.image ?? undefined} alt={item.title} />
            </div>
            <div className="cart-line-info">
              <span className="cart-line-title">{item.title}</span>
              <span className="muted">
                {item.variantTitle || item.sku} ·{' '}
                {t('orders.times', { quantity: item.quantity, price: money(item.unitPrice) })}
              </span>
            </div>
            <span className="price">{money(item.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{t('orders.subtotal')}</dt>
        <dd>{money(order.subtotal)}</dd>
        {order.discount > 0 ? (
          <>
            <dt>{t('orders.discount')}</dt>
            <dd>−{money(order.discount)}</dd>
          </>
        ) : null}
        <dt className="totals-total">{t('orders.total')}</dt>
        <dd className="totals-total" data-testid="order-total">
          {money(order.total)}
        </dd>
      </dl>
    </div>
  );
}
