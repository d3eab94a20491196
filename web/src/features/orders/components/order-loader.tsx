import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useOrder } from '../api/get-order';
import type { Order } from '../types';

/** Loads one of the buyer's orders; someone else's order is a 404 like a missing one. */
export function OrderLoader({ id, children }: { id: string; children: (order: Order) => ReactNode }) {
  const { t } = useTranslation();
  const order = useOrder(id);
  if (order.isPending) return <Spinner />;
  if (isApiError(order.error, 404)) {
    return (
      <StatusPage title={t('orders.notFound')} testId="order-not-found">
        <Link className="btn btn-primary" to="/orders">
          {t('orders.myOrders')}
        </Link>
      </StatusPage>
    );
  }
  if (!order.data) return <ErrorMessage error={order.error} />;
  return children(order.data);
}
