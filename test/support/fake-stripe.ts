import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';

const fixtures = new URL('../../src/modules/payments/fixtures/', import.meta.url);

type Json = Record<string, unknown>;
export type StripeEventType =
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'charge.refunded';

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
    if (path === '/v1/refunds')
      return {
        ...fixture('refund'),
        id: stripeId('re'),
        amount,
        payment_intent: params.get('payment_intent'),
      };
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
  options: { eventId?: string; amountReceived?: number } = {},
): Json {
  const event = fixture<Json & { data: { object: Json } }>(type);
  const object = event.data.object;
  if (type === 'charge.refunded') {
    Object.assign(object, {
      payment_intent: intent.id,
      amount: intent.amount,
      amount_refunded: intent.amount,
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
