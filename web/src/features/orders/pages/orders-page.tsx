import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { useMyOrders } from '../api/get-my-orders';
import { OrderStatusBadge } from '../components/order-status-badge';
import { OrderStatusFilter, toOrderStatus } from '../components/order-status-filter';

export function OrdersPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const status = toOrderStatus(params.get('status'));
  const orders = useMyOrders(status);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="page narrow">
      <h1>{t('orders.myOrders')}</h1>
      <OrderStatusFilter value={status} onChange={(s) => setParams(s ? { status: s } : {})} />
      {orders.isPending ? <Spinner /> : null}
      <ErrorMessage error={orders.error} />
      {orders.isSuccess && items.length === 0 ? (
        <EmptyState title={t('orders.none')} testId="orders-empty" />
      ) : null}
      <ul className="order-list">
        {items.map((order) => (
          <li key={order.id}>
            <Link to={`/orders/${order.id}`} className="order-row" data-testid="order-row">
              <ProductImage
                src={order.items[0]?.image ?? undefined}
                alt={order.items[0]?.title ?? ''}
                className="order-row-image"
              />
              <div className="order-row-info">
                <strong>{order.items[0]?.title}</strong>
                {order.items.length > 1 ? (
                  <span className="muted">{t('orders.moreItems', { count: order.items.length - 1 })}</span>
                ) : null}
                <span className="muted">{dateTime(order.createdAt)}</span>
              </div>
              <div className="order-row-side">
                <OrderStatusBadge status={order.status} />
                <span className="price">{money(order.total)}</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
      <LoadMore pages={orders} />
    </section>
  );
}
