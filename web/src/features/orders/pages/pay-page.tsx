import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useConfig, useDateTime, useMoney } from '../../../lib/config';
import { useOrderPayment, useOrderUntilSettled } from '../api/get-order-payment';
import { type SandboxOutcome, usePaySandbox } from '../api/pay-sandbox';
import { OrderLoader } from '../components/order-loader';
import { OrderStatusBadge } from '../components/order-status-badge';
import { afterPayment, StripePayment } from '../components/stripe-payment';
import type { Order } from '../types';

export function PayPage() {
  const { id = '' } = useParams();
  return (
    <OrderLoader id={id}>
      {(order) => (
        <section className="page narrow pay-page" data-testid="pay-page">
          <PaySummary order={order} />
          {order.payment?.provider === 'stripe' ? (
            <StripeCheckout order={order} />
          ) : (
            <SandboxPayment order={order} />
          )}
        </section>
      )}
    </OrderLoader>
  );
}

function PaySummary({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  return (
    <>
      <h1>{t('pay.title')}</h1>
      <div className="card pay-card">
        <p className="muted">{t('pay.amountDue')}</p>
        <p className="price price-huge" data-testid="pay-amount">
          {money(order.payment?.amount ?? order.total)}
        </p>
        <OrderStatusBadge status={order.status} />
        {order.status === 'pending_payment' && order.expiresAt ? (
          <p className="muted">{t('pay.deadline', { time: dateTime(order.expiresAt) })}</p>
        ) : null}
      </div>
    </>
  );
}

const ViewOrder = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  return (
    <Link className="btn btn-primary btn-block" to={`/orders/${order.id}`}>
      {t('pay.viewOrder')}
    </Link>
  );
};

/** The card form, once the shop's publishable key and the order's client secret are here. */
function StripeCheckout({ order }: { order: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const payable = order.status === 'pending_payment';
  const config = useConfig();
  const payment = useOrderPayment(order.id, payable);
  // Once Stripe took the payment, the order is polled until Stripe's webhook has marked it paid.
  const [confirmed, setConfirmed] = useState(false);
  useOrderUntilSettled(order.id, confirmed);
  useEffect(() => {
    if (confirmed && !payable) navigate(afterPayment(order));
  }, [confirmed, payable, order, navigate]);

  if (confirmed) {
    return (
      <div className="card stripe-confirming" aria-live="polite" data-testid="stripe-confirming">
        <Spinner />
        <p>{t('stripePay.confirming')}</p>
      </div>
    );
  }
  if (!payable) return <ViewOrder order={order} />;
  if (config.isPending || payment.isPending) return <Spinner />;
  if (payment.error || config.error) return <ErrorMessage error={payment.error ?? config.error} />;
  const publishableKey = config.data?.stripe?.publishableKey;
  const clientSecret = payment.data?.clientSecret;
  if (!publishableKey || !clientSecret) {
    return (
      <p className="alert alert-error" data-testid="stripe-unavailable">
        {t('stripePay.unavailable')}
      </p>
    );
  }
  return (
    <>
      {order.payment?.status === 'failed' ? (
        <p className="alert alert-warning">{t('stripePay.retry')}</p>
      ) : null}
      <StripePayment
        order={order}
        publishableKey={publishableKey}
        clientSecret={clientSecret}
        onConfirmed={() => setConfirmed(true)}
      />
    </>
  );
}

function SandboxPayment({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const pay = usePaySandbox();
  const payable = order.status === 'pending_payment';

  function settle(outcome: SandboxOutcome) {
    // A paid group order lands on its group page, where the buyer sees it fill and shares it.
    const next = outcome === 'succeed' ? afterPayment(order) : `/orders/${order.id}`;
    pay.mutate({ orderId: order.id, outcome }, { onSuccess: () => navigate(next) });
  }

  return (
    <>
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
        <ViewOrder order={order} />
      )}
    </>
  );
}
