import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeRefund, fixture, stripeEvent } from '../../test/support/fake-stripe.js';
import { type Random, seededRandom } from './http.js';

type Json = Record<string, unknown>;

/** A PaymentIntent as the fake Stripe keeps it: its own books, apart from Fission's database. */
export interface FakeIntent {
  id: string;
  orderId: string;
  amount: number;
  captured: boolean;
}

/**
 * Stripe's API over real HTTP, for server processes started with `STRIPE_API_URL`: PaymentIntents
 * and Refunds with Stripe's idempotency (the same key answers the first response again), refusing
 * what Stripe refuses (refunding an unpaid intent, refunding more than was paid). Its books are the
 * provider's side of the money that the chaos run reconciles Fission's ledger against. Every
 * refund it makes produces the `charge.refunded` event Stripe would send (all of the charge's
 * refunds so far), handed to `onEvent` for delivery. With `flaky`, a share of requests fail as
 * Stripe's do: a 500 before any work, or the work done and the answer lost.
 */
export async function startFakeStripe(
  onEvent: (event: Json) => void,
  flaky: { random: Random; rate: number } = { random: seededRandom(0), rate: 0 },
) {
  const intents = new Map<string, FakeIntent>();
  const intentOfOrder = new Map<string, string>();
  const refunds: FakeRefund[] = [];
  const answered = new Map<string, { status: number; body: Json }>();
  let requests = 0;
  let dropped = 0;
  let failed = 0;

  const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
  const refusal = (code: string, message: string) => ({
    status: 400,
    body: { error: { type: 'invalid_request_error', code, message } },
  });
  const refundedOf = (intentId: string) =>
    refunds.filter((r) => r.payment_intent === intentId).reduce((sum, r) => sum + r.amount, 0);

  function answer(path: string, params: URLSearchParams): { status: number; body: Json } {
    if (path === '/v1/payment_intents') {
      const orderId = String(params.get('metadata[orderId]'));
      const id = stripeId('pi');
      const amount = Number(params.get('amount'));
      intents.set(id, { id, orderId, amount, captured: false });
      intentOfOrder.set(orderId, id);
      return {
        status: 200,
        body: {
          ...fixture('payment_intent'),
          id,
          client_secret: `${id}_secret_${randomBytes(12).toString('base64url')}`,
          amount,
          currency: params.get('currency'),
          metadata: { orderId },
        },
      };
    }
    if (path === '/v1/refunds') {
      const intent = intents.get(String(params.get('payment_intent')));
      if (!intent) return refusal('resource_missing', 'No such payment_intent');
      if (!intent.captured) return refusal('charge_not_captured', 'This PaymentIntent has not been paid');
      const amount = Number(params.get('amount') ?? intent.amount - refundedOf(intent.id));
      if (amount <= 0 || refundedOf(intent.id) + amount > intent.amount)
        return refusal('charge_already_refunded', 'The refund would exceed what was paid');
      const fissionRefundId = params.get('metadata[fissionRefundId]');
      const refund: FakeRefund = {
        id: stripeId('re'),
        amount,
        payment_intent: intent.id,
        metadata: fissionRefundId ? { fissionRefundId } : {},
        status: 'succeeded',
      };
      refunds.push(refund);
      onEvent(
        stripeEvent('charge.refunded', intent, {
          refunds: refunds.filter((r) => r.payment_intent === intent.id),
        }),
      );
      return { status: 200, body: { ...fixture('refund'), ...refund } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `no route ${path}` } } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests += 1;
    const path = new URL(req.url ?? '/', 'http://stripe.test').pathname;
    const key = req.headers['idempotency-key'];
    const remembered = typeof key === 'string' ? answered.get(`${path} ${key}`) : undefined;
    // Stripe failing before doing anything (a 500 its client retries with the same key).
    if (!remembered && flaky.random.chance(flaky.rate / 2)) {
      failed += 1;
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'chaos: Stripe had a moment' } }));
      return;
    }
    const reply = remembered ?? answer(path, new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    // Stripe keeps the answer to a key, refusals included, so a retry never does the work twice.
    if (typeof key === 'string') answered.set(`${path} ${key}`, reply);
    // The work done and the answer lost on the way: the caller cannot know the outcome.
    if (flaky.random.chance(flaky.rate / 2)) {
      dropped += 1;
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': stripeId('req') });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** The buyer confirmed the payment (Stripe.js): the intent is paid; returns its event, or null. */
    capture(orderId: string): Json | null {
      const intent = intents.get(intentOfOrder.get(orderId) ?? '');
      if (!intent || intent.captured) return null;
      intent.captured = true;
      return stripeEvent('payment_intent.succeeded', intent);
    },
    /** The provider's books: what it took and gave back, per order. */
    books() {
      const byOrder = new Map<string, { paid: number; refunded: number }>();
      for (const intent of intents.values()) {
        if (!intent.captured) continue;
        const entry = byOrder.get(intent.orderId) ?? { paid: 0, refunded: 0 };
        entry.paid += intent.amount;
        entry.refunded += refundedOf(intent.id);
        byOrder.set(intent.orderId, entry);
      }
      return byOrder;
    },
    counts: () => ({
      requests,
      intents: intents.size,
      captured: [...intents.values()].filter((i) => i.captured).length,
      refunds: refunds.length,
      /** Requests answered 500 before any work, and answers lost after the work was done. */
      failed,
      dropped,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripeServer = Awaited<ReturnType<typeof startFakeStripe>>;
