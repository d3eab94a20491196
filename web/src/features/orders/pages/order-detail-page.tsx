import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDateTime, useMoney } from '../../../lib/config';
import { OrderAfterSales } from '../../aftersales';
import { useUser } from '../../auth';
import { PickupCodeCard } from '../../communities';
import { OrderGiftCard } from '../../gifts';
import { OrderReviews } from '../../reviews';
import { AddressView } from '../components/address-view';
import { BuyerOrderActions } from '../components/buyer-order-actions';
import { DisputeNotice } from '../components/dispute-notice';
import { OrderItems } from '../components/order-items';
import { OrderLoader } from '../components/order-loader';
import { OrderStatusBadge } from '../components/order-status-badge';
import { OrderTimeline } from '../components/order-timeline';
import { ShipmentCard } from '../components/shipment-card';
import type { Order } from '../types';

export function OrderDetailPage() {
  const { id = '' } = useParams();
  return <OrderLoader id={id}>{(order) => <OrderDetail order={order} />}</OrderLoader>;
}

function OrderDetail({ order }: { order: Order }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const money = useMoney();
  const { user } = useUser();
  const viewerIsBuyer = order.userId === user?.id;
  // A claimed gift is in its recipient's hands: receipt and after-sales are theirs, not its buyer's.
  const holds = order.gift?.status === 'claimed' ? !viewerIsBuyer : viewerIsBuyer;
  return (
    <section className="page narrow" data-testid="order-detail">
      <div className="page-heading">
        <h1>{t('orders.orderTitle')}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="muted">
        {t('orders.placedAt', { time: dateTime(order.createdAt) })} · <code>{order.id}</code>
      </p>
      {/* Where the buyer found it: the post or live room whose owner this order credits. */}
      {order.source ? (
        <p>
          <Link
            to={`/${order.source.type === 'post' ? 'posts' : 'live'}/${encodeURIComponent(order.source.id)}`}
            data-testid="order-source"
          >
            {t(`orders.source.${order.source.type}`)}
          </Link>
        </p>
      ) : null}
      {order.status === 'pending_payment' ? (
        <Link className="btn btn-primary btn-block" to={`/pay/${order.id}`} data-testid="pay-now">
          {t('orders.payNow')}
        </Link>
      ) : null}
      {order.payment?.status === 'failed' && order.status === 'pending_payment' ? (
        <p className="alert alert-error">{t('orders.paymentFailed')}</p>
      ) : null}
      <DisputeNotice order={order} />
      <PickupCodeCard order={order} />
      <OrderGiftCard gift={order.gift} viewerIsBuyer={viewerIsBuyer} />
      {holds ? <BuyerOrderActions order={order} /> : null}
      <ShipmentCard order={order} />
      <div className="card">
        <h2>{t('orders.items')}</h2>
        <OrderItems order={order} />
        {order.refundedAmount ? (
          <p className="refunded-amount" data-testid="order-refunded-amount">
            {t('afterSales.refundedAmount')}: {money(order.refundedAmount)}
          </p>
        ) : null}
      </div>
      {holds ? <OrderAfterSales order={order} /> : null}
      {viewerIsBuyer ? <OrderReviews order={order} /> : null}
      {order.address ? (
        <div className="card">
          <h2>{t('checkout.address')}</h2>
          <AddressView address={order.address} />
        </div>
      ) : null}
      <div className="card">
        <h2>{t('orders.timeline')}</h2>
        <OrderTimeline timeline={order.timeline} shipment={order.shipment} />
      </div>
      <Link to="/orders">{t('orders.backToOrders')}</Link>
    </section>
  );
}
