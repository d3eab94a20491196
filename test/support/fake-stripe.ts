import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';

const fixtures = new URL('../../src/modules/payments/fixtures/', import.meta.url);

type Json = Record<string, unknown>;
export type StripeEventType =
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'charge.refunded'
  | 'charge.dispute.created'
  | 'charge.dispute.closed'
  | 'refund.failed';

/** A refund as Stripe lists it on a charge. */
export interface FakeRefund {
  id: string;
  amount: number;
  payment_intent: string;
  metadata: Record<string, string>;
  status: string;
}

/** A recorded Stripe object or event from src/modules/payments/fixtures, as a fresh copy. */
export function fixture<T = Json>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as T;
}

const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** One request the application sent to Stripe, as Stripe would read it. */
export interface StripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: URLSearchParams;
}

/**
 * Stripe's API, offline: answers PaymentIntent and Refund creation with the recorded fixtures
 * (fresh ids, the amounts asked for), replays the first answer for a repeated idempotency key as
 * Stripe does, and records every request so tests can assert what was sent.
 */
export function fakeStripe() {
  const requests: StripeRequest[] = [];
  const answered = new Map<string, Json>();
  const refusals: Json[] = [];
  const refunds: FakeRefund[] = [];

  function answer(path: string, params: URLSearchParams): Json {
    const amount = Number(params.get('amount'));
    if (path === '/v1/payment_intents') {
      const id = stripeId('pi');
      return {
        ...fixture('payment_intent'),
        id,
        client_secret: `${id}_secret_${randomBytes(12).toString('base64url')}`,
        amount,
        currency: params.get('currency'),
        metadata: { orderId: params.get('metadata[orderId]') },
      };
    }
    if (path === '/v1/refunds') {
      const fissionRefundId = params.get('metadata[fissionRefundId]');
      const refund: FakeRefund = {
        id: stripeId('re'),
        amount,
        payment_intent: String(params.get('payment_intent')),
        metadata: fissionRefundId ? { fissionRefundId } : {},
        status: 'succeeded',
      };
      refunds.push(refund);
      return { ...fixture('refund'), ...refund };
    }
    throw new Error(`the fake Stripe has no answer for ${path}`);
  }

  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const request: StripeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: headers.get('idempotency-key'),
      params: new URLSearchParams(String(init?.body ?? '')),
    };
    requests.push(request);
    const refusal = refusals.shift();
    if (refusal) return Response.json({ error: refusal }, { status: 400 });
    const key = `${request.path} ${request.idempotencyKey}`;
    const body = answered.get(key) ?? answer(request.path, request.params);
    if (request.idempotencyKey) answered.set(key, body);
    return Response.json(body, { headers: { 'request-id': stripeId('req') } });
  };

  return {
    httpClient: Stripe.createFetchHttpClient(fetchFn),
    requests,
    /** The next request is refused with this Stripe error (e.g. a charge already refunded). */
    refuseNext(error: { type: string; code: string; message: string }) {
      refusals.push(error);
    },
    /** A refund made in the Stripe dashboard: Stripe has it, Fission never asked for it. */
    dashboardRefund(intent: { id: string }, amount: number): FakeRefund {
      const refund = {
        id: stripeId('re'),
        amount,
        payment_intent: intent.id,
        metadata: {},
        status: 'succeeded',
      };
      refunds.push(refund);
      return refund;
    },
    /** Every refund of a PaymentIntent, as a charge lists them. */
    refundsOf(intent: { id: string }): FakeRefund[] {
      return refunds.filter((r) => r.payment_intent === intent.id);
    },
    /** The PaymentIntent created for an order. */
    intentOf(orderId: string): { id: string; amount: number } {
      const created = requests.find(
        (r) => r.path === '/v1/payment_intents' && r.params.get('metadata[orderId]') === orderId,
      );
      const body = created && answered.get(`${created.path} ${created.idempotencyKey}`);
      if (!body) throw new Error(`no PaymentIntent was created for order ${orderId}`);
      return { id: String(body.id), amount: Number(body.amount) };
    },
  };
}

export type FakeStripe = ReturnType<typeof fakeStripe>;

/** A recorded event about `intent`, with a fresh event id unless one is given. */
export function stripeEvent(
  type: StripeEventType,
  intent: { id: string; amount: number },
  options: {
    eventId?: string;
    amountReceived?: number;
    /** charge.refunded: the charge's refunds (all of the intent's, cumulative); omitted: not listed. */
    refunds?: FakeRefund[] | null;
    amountRefunded?: number;
    /** Disputes: the dispute's id and closing status. */
    disputeId?: string;
    disputeStatus?: 'won' | 'lost' | 'warning_closed';
    /** refund.failed: the refund that failed. */
    refund?: FakeRefund;
  } = {},
): Json {
  const event = fixture<Json & { data: { object: Json } }>(type);
  const object = event.data.object;
  if (type === 'charge.refunded') {
    const listed = options.refunds === undefined ? undefined : options.refunds;
    const amountRefunded =
      options.amountRefunded ?? (listed ? listed.reduce((sum, r) => sum + r.amount, 0) : intent.amount);
    Object.assign(object, {
      payment_intent: intent.id,
      amount: intent.amount,
      amount_refunded: amountRefunded,
    });
    if (listed === null) delete object.refunds;
    else if (listed)
      object.refunds = {
        object: 'list',
        data: listed.map((r) => ({ object: 'refund', currency: 'cny', ...r })),
        has_more: false,
        total_count: listed.length,
      };
    else object.refunds = { object: 'list', data: [], has_more: false, total_count: 0 };
  } else if (type === 'charge.dispute.created' || type === 'charge.dispute.closed') {
    Object.assign(object, {
      id: options.disputeId ?? stripeId('dp'),
      payment_intent: intent.id,
      amount: intent.amount,
      ...(type === 'charge.dispute.closed' ? { status: options.disputeStatus ?? 'lost' } : {}),
    });
  } else if (type === 'refund.failed') {
    const refund = options.refund ?? { id: stripeId('re'), amount: intent.amount, metadata: {} };
    Object.assign(object, {
      id: refund.id,
      amount: refund.amount,
      metadata: refund.metadata,
      payment_intent: intent.id,
      status: 'failed',
    });
  } else {
    const received = type === 'payment_intent.succeeded' ? (options.amountReceived ?? intent.amount) : 0;
    Object.assign(object, { id: intent.id, amount: intent.amount, amount_received: received });
  }
  return { ...event, id: options.eventId ?? stripeId('evt') };
}

/** The body and headers Stripe would send for `event`, signed with `secret`. */
export function signedDelivery(event: Json, secret = 'whsec_x') {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return {
    payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
  };
}
