import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTime, useMoney } from '../../../lib/config';
import type { AfterSale } from '../types';
import { AfterSaleStatusBadge } from './after-sale-status-badge';

/** One request as buyer and operator see it: what, how much, why, and what was decided. */
export function AfterSaleCard(props: {
  sale: AfterSale;
  /** Where "view order" goes; none on the order's own page. */
  orderHref?: string | null;
  children?: ReactNode;
}) {
  const { sale, children } = props;
  const orderHref = props.orderHref === undefined ? `/orders/${sale.orderId}` : props.orderHref;
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  return (
    <li className="card after-sale" data-testid="after-sale">
      <div className="after-sale-head">
        <strong>{t(`afterSales.type.${sale.type}`)}</strong>
        <AfterSaleStatusBadge status={sale.status} />
        <span className="price" data-testid="after-sale-amount">
          {money(sale.amount)}
        </span>
      </div>
      <ul className="after-sale-items">
        {sale.items.map((item) => (
          <li key={item.orderItemId}>
            {item.title} × {item.quantity} <span className="muted">{money(item.amount)}</span>
          </li>
        ))}
      </ul>
      {sale.shippingRefunded > 0 ? (
        <p className="muted small" data-testid="after-sale-shipping">
          {t('shipping.feeIncluded', { amount: money(sale.shippingRefunded) })}
        </p>
      ) : null}
      <p className="after-sale-reason">{sale.reason}</p>
      {sale.photos.length > 0 ? (
        <p className="after-sale-photos">
          {sale.photos.map((url, i) => (
            <a key={url} href={url} target="_blank" rel="noopener noreferrer nofollow">
              {t('afterSales.photo', { n: i + 1 })}
            </a>
          ))}
        </p>
      ) : null}
      {sale.status === 'closed' ? (
        <p className="muted" data-testid="after-sale-closed">
          {t('afterSales.closedHint')}
        </p>
      ) : null}
      {sale.note ? (
        <p className="muted" data-testid="after-sale-note">
          {t('afterSales.note')}: {sale.note}
        </p>
      ) : null}
      <p className="muted small">
        {dateTime(sale.createdAt)}
        {orderHref ? (
          <>
            {' · '}
            <Link to={orderHref}>{t('afterSales.viewOrder')}</Link>
          </>
        ) : null}
      </p>
      {children}
    </li>
  );
}
