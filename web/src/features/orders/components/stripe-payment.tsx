import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import type { Order } from '../types';

// Stripe.js is loaded once per publishable key, and only on this page: shoppers who never pay by
// card never download it.
const loaded = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string) {
  let promise = loaded.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    loaded.set(publishableKey, promise);
  }
  return promise;
}

/** Where the buyer lands after paying: a group order on its group page, any other on the order. */
export const afterPayment = (order: Order) =>
  order.groupBuy ? `/groups/${order.groupBuy.groupId}` : `/orders/${order.id}`;

/** Stripe's Payment Element for one order's PaymentIntent. */
export function StripePayment(props: {
  order: Order;
  publishableKey: string;
  clientSecret: string;
  /** Stripe took the payment; the order is paid once its webhook reaches the shop. */
  onConfirmed: () => void;
}) {
  const { i18n } = useTranslation();
  return (
    <Elements
      stripe={stripeFor(props.publishableKey)}
      options={{ clientSecret: props.clientSecret, locale: i18n.language.startsWith('zh') ? 'zh' : 'en' }}
    >
      <StripeForm order={props.order} onConfirmed={props.onConfirmed} />
    </Elements>
  );
}

function StripeForm({ order, onConfirmed }: { order: Order; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setSubmitting(true);
    setError(null);
    // Cards confirm here; methods that need a redirect (bank pages) come back to the order page.
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: new URL(`/orders/${order.id}`, window.location.origin).href },
      redirect: 'if_required',
    });
    setSubmitting(false);
    if (result.error) setError(result.error.message ?? t('stripePay.failed'));
    else onConfirmed();
  }

  return (
    <form className="card stripe-form" onSubmit={submit} data-testid="stripe-form">
      {ready ? null : <Spinner />}
      <PaymentElement onReady={() => setReady(true)} />
      {error ? (
        <p className="alert alert-error" role="alert" data-testid="stripe-error">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={!stripe || !ready || submitting}
        data-testid="stripe-pay"
      >
        {submitting ? t('common.working') : t('pay.pay', { amount: money(order.total) })}
      </button>
      <p className="muted stripe-secure">{t('stripePay.secure')}</p>
    </form>
  );
}
