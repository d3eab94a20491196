import { useTranslation } from 'react-i18next';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import type { Order } from '../types';

export function OrderItems({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  // `discount` is coupon + member level + points; the last two show on lines of their own.
  const couponDiscount = order.discount - order.memberDiscount - order.pointsDiscount;
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
        {couponDiscount > 0 ? (
          <>
            <dt>{t('orders.discount')}</dt>
            <dd>−{money(couponDiscount)}</dd>
          </>
        ) : null}
        {order.memberDiscount > 0 ? (
          <>
            <dt>{t('pointsLedger.summary.memberDiscount')}</dt>
            <dd data-testid="order-member-discount">−{money(order.memberDiscount)}</dd>
          </>
        ) : null}
        {order.pointsDiscount > 0 ? (
          <>
            <dt>{t('pointsLedger.summary.pointsDiscount', { points: order.pointsUsed })}</dt>
            <dd data-testid="order-points-discount">−{money(order.pointsDiscount)}</dd>
          </>
        ) : null}
        <dt>{t('shipping.fee')}</dt>
        <dd data-testid="order-shipping-fee">
          {order.shippingFee === 0 ? t('shipping.free') : money(order.shippingFee)}
          {order.shippingRefunded > 0 ? (
            <span className="muted small" data-testid="order-shipping-refunded">
              {' '}
              {t('shipping.refunded', { amount: money(order.shippingRefunded) })}
            </span>
          ) : null}
        </dd>
        <dt className="totals-total">{t('orders.total')}</dt>
        <dd className="totals-total" data-testid="order-total">
          {money(order.total)}
        </dd>
      </dl>
    </div>
  );
}
