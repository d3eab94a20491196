import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useDateTime, useMoney } from '../../../lib/config';
import { OrderCommissionFlags } from '../../admin-distribution/components/commission-flags';
import { isAdmin, useUser } from '../../auth';
import {
  AddressView,
  DisputeNotice,
  OrderItems,
  OrderStatusBadge,
  OrderTimeline,
  ShipmentCard,
} from '../../orders';
import { useAdminOrder } from '../api/get-admin-order';
import { type OrderAction, useSettleOrder } from '../api/settle-order';
import { ShipForm } from '../components/ship-form';
import type { AdminOrder } from '../types';

export function AdminOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useAdminOrder(id);
  if (order.isPending) return <Spinner />;
  if (isApiError(order.error, 404)) {
    return (
      <StatusPage title={t('orders.notFound')} testId="admin-order-not-found">
        <Link to="/admin/orders">{t('admin.orders')}</Link>
      </StatusPage>
    );
  }
  if (!order.data) return <ErrorMessage error={order.error} />;
  return <AdminOrderDetail order={order.data} />;
}

/**
 * Which operator actions the order's state allows; the server enforces the same machine. A refund
 * outside after-sales moves money: administrators only (support staff refund through after-sales).
 */
const actionsFor = (order: AdminOrder, admin: boolean): OrderAction[] => {
  const refund: OrderAction[] = admin ? ['refund'] : [];
  if (order.status === 'paid' || order.status === 'shipped') return ['complete', ...refund];
  if (order.status === 'completed') return refund;
  return [];
};

/** A paid order ships; in a group buy, only once the group succeeded (the server says the same). */
const canShip = (order: AdminOrder) =>
  order.status === 'paid' && (!order.groupBuy || order.groupBuy.status === 'succeeded');

function AdminOrderDetail({ order }: { order: AdminOrder }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const money = useMoney();
  const settle = useSettleOrder();
  const [pending, setPending] = useState<OrderAction | null>(null);
  // Support staff see the order and ship it; commissions and their flags are the admin's.
  const admin = isAdmin(useUser().user);

  function confirm() {
    if (!pending) return;
    settle.mutate({ id: order.id, action: pending }, { onSettled: () => setPending(null) });
  }

  return (
    <section data-testid="admin-order-detail">
      <div className="page-heading">
        <h1>{t('orders.orderTitle')}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="muted">
        {t('orders.placedAt', { time: dateTime(order.createdAt) })} · <code>{order.id}</code>
      </p>
      {order.buyer ? (
        <p>
          {t('admin.buyer')}: <strong>{order.buyer.name}</strong> &lt;{order.buyer.email}&gt;
        </p>
      ) : null}
      <div className="form-actions">
        {actionsFor(order, admin).map((action) => (
          <button
            key={action}
            type="button"
            className={`btn ${action === 'refund' ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => setPending(action)}
            data-testid={`admin-order-${action}`}
          >
            {t(`admin.orderActions.${action}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={settle.error} />
      <DisputeNotice order={order} />
      {order.status === 'paid' && order.groupBuy?.status === 'waiting' ? (
        <p className="alert alert-warning">{t('fulfilment.admin.waitingGroup')}</p>
      ) : null}
      {canShip(order) ? <ShipForm orderId={order.id} /> : null}
      <div className="admin-columns">
        <div className="card">
          <h2>{t('orders.items')}</h2>
          <OrderItems order={order} />
          <p className="refunded-amount" data-testid="admin-order-refunded-amount">
            {t('afterSales.refundedAmount')}: {money(order.refundedAmount ?? 0)}
          </p>
        </div>
        <div>
          {order.address ? (
            <div className="card">
              <h2>{t('checkout.address')}</h2>
              <AddressView address={order.address} />
            </div>
          ) : null}
          {order.shipment ? <ShipmentCard order={order} /> : null}
          <div className="card">
            <h2>{t('orders.timeline')}</h2>
            <OrderTimeline timeline={order.timeline} shipment={order.shipment} />
          </div>
        </div>
      </div>
      {admin ? <OrderCommissionFlags orderId={order.id} /> : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`admin.orderActions.${pending}`) : ''}
        message={pending ? t(`admin.orderConfirm.${pending}`) : ''}
        confirmLabel={pending ? t(`admin.orderActions.${pending}`) : ''}
        danger={pending === 'refund'}
        busy={settle.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
