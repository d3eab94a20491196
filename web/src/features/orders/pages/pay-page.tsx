import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useDateTime, useMoney } from '../../../lib/config';
import { type SandboxOutcome, usePaySandbox } from '../api/pay-sandbox';
import { OrderLoader } from '../components/order-loader';
import { OrderStatusBadge } from '../components/order-status-badge';
import type { Order } from '../types';

export function PayPage() {
  const { id = '' } = useParams();
  return <OrderLoader id={id}>{(order) => <SandboxPayment order={order} />}</OrderLoader>;
}

function SandboxPayment({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const navigate = useNavigate();
  const pay = usePaySandbox();
  const payable = order.status === 'pending_payment';

  function settle(outcome: SandboxOutcome) {
    // A paid group order lands on its group page, where the buyer sees it fill and shares it.
    const next =
      order.groupBuy && outcome === 'succeed' ? `/groups/${order.groupBuy.groupId}` : `/orders/${order.id}`;
    pay.mutate({ orderId: order.id, outcome }, { onSuccess: () => navigate(next) });
  }

  return (
    <section className="page narrow pay-page" data-testid="pay-page">
      <h1>{t('pay.title')}</h1>
      <div className="card pay-card">
        <p className="muted">{t('pay.amountDue')}</p>
        <p className="price price-huge" data-testid="pay-amount">
          {money(order.payment?.amount ?? order.total)}
        </p>
        <OrderStatusBadge status={order.status} />
        {payable && order.expiresAt ? (
          <p className="muted">{t('pay.deadline', { time: dateTime(order.expiresAt) })}</p>
        ) : null}
      </div>
      <p className="alert alert-warning" data-testid="sandbox-notice">
        <strong>{t('pay.sandboxTitle')}</strong> {t('pay.sandboxText')}
      </p>
      <ErrorMessage error={pay.error} />
      {payable ? (
        <div className="pay-actions">
          <button
            type="button"
            className="btn btn-primary btn-block"
            onClick={() => settle('succeed')}
            disabled={pay.isPending}
            data-testid="pay-succeed"
          >
            {t('pay.pay', { amount: money(order.total) })}
          </button>
          <button
            type="button"
            className="btn btn-outline btn-block"
            onClick={() => settle('fail')}
            disabled={pay.isPending}
            data-testid="pay-fail"
          >
            {t('pay.fail')}
          </button>
        </div>
      ) : (
        <Link className="btn btn-primary btn-block" to={`/orders/${order.id}`}>
          {t('pay.viewOrder')}
        </Link>
      )}
    </section>
  );
}
