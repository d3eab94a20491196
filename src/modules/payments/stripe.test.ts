import Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeStripe,
  fakeStripe,
  fixture,
  signedDelivery,
  stripeEvent,
} from '../../../test/support/fake-stripe.js';
import { InvalidWebhookError, type PaymentProvider, ProviderError } from './provider.js';
import { createStripeProvider } from './stripe.js';

const webhookSecret = 'whsec_x';
const intent = { id: 'pi_3QxRkV2eZvKYlo2C0m4Lh1Ta', amount: 4900 };

let fake: FakeStripe;
let stripe: PaymentProvider;

beforeEach(() => {
  fake = fakeStripe();
  stripe = createStripeProvider({ secretKey: 'sk_test_x', webhookSecret, httpClient: fake.httpClient });
});

function parse(delivery: { payload: string; headers: Record<string, string> }) {
  return stripe.parseWebhook?.(Buffer.from(delivery.payload), delivery.headers);
}

describe('createPayment', () => {
  it('creates a PaymentIntent for the order, keyed by the idempotency key', async () => {
    const payment = await stripe.createPayment({
      orderId: 'order-1',
      amount: 14_700,
      currency: 'CNY',
      idempotencyKey: 'order:order-1:payment',
    });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      idempotencyKey: 'order:order-1:payment',
    });
    expect(Object.fromEntries(request?.params ?? [])).toEqual({
      amount: '14700',
      currency: 'cny',
      'metadata[orderId]': 'order-1',
      'automatic_payment_methods[enabled]': 'true',
    });
    expect(payment).toEqual({
      externalId: fake.intentOf('order-1').id,
      clientSecret: expect.stringMatching(/^pi_.+_secret_/),
      payUrl: null,
    });
  });

  it('reports a refusal from Stripe as a ProviderError', async () => {
    fake.refuseNext({ type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount too small' });
    const attempt = stripe.createPayment({ orderId: 'o', amount: 1, currency: 'CNY', idempotencyKey: 'k' });
    await expect(attempt).rejects.toBeInstanceOf(ProviderError);
    await expect(attempt).rejects.toThrow(/Amount too small/);
  });
});

describe('refund', () => {
  it('refunds the PaymentIntent by the amount asked, keyed by the idempotency key', async () => {
    const refund = await stripe.refund({ externalId: intent.id, amount: 4900, idempotencyKey: 'refund:r1' });

    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/refunds', idempotencyKey: 'refund:r1' });
    expect(Object.fromEntries(request?.params ?? [])).toEqual({ payment_intent: intent.id, amount: '4900' });
    expect(refund.externalId).toMatch(/^re_/);
  });

  it('returns the same refund when the same key is sent again', async () => {
    const input = { externalId: intent.id, amount: 4900, idempotencyKey: 'refund:r2' };
    const first = await stripe.refund(input);
    expect(await stripe.refund(input)).toEqual(first);
  });

  it('tells a call that got no answer (its outcome unknown) from a refusal', async () => {
    fake.refuseNext({ type: 'card_error', code: 'expired_card', message: 'Expired' });
    await expect(
      stripe.refund({ externalId: intent.id, amount: 4900, idempotencyKey: 'refund:r4' }),
    ).rejects.toMatchObject({ outcomeUnknown: false });
    const offline = createStripeProvider({
      secretKey: 'sk_test_x',
      webhookSecret,
      httpClient: Stripe.createFetchHttpClient(async () => {
        throw new TypeError('fetch failed');
      }),
    });
    await expect(
      offline.refund({ externalId: intent.id, amount: 4900, idempotencyKey: 'refund:r5' }),
    ).rejects.toMatchObject({ outcomeUnknown: true });
  });

  it('reports a refused refund as a ProviderError', async () => {
    fake.refuseNext({
      type: 'invalid_request_error',
      code: 'charge_already_refunded',
      message: 'Charge ch_1 has already been refunded.',
    });
    await expect(
      stripe.refund({ externalId: intent.id, amount: 4900, idempotencyKey: 'refund:r3' }),
    ).rejects.toBeInstanceOf(ProviderError);
  });
});

describe('parseWebhook', () => {
  it('reads payment_intent.succeeded as a payment of the amount received', () => {
    const event = stripeEvent('payment_intent.succeeded', intent, { eventId: 'evt_1', amountReceived: 4800 });
    expect(parse(signedDelivery(event))).toEqual({
      eventId: 'evt_1',
      type: 'payment.succeeded',
      externalId: intent.id,
      amount: 4800,
    });
  });

  it('reads payment_intent.payment_failed as a failed attempt', () => {
    const event = stripeEvent('payment_intent.payment_failed', intent, { eventId: 'evt_2' });
    expect(parse(signedDelivery(event))).toEqual({
      eventId: 'evt_2',
      type: 'payment.failed',
      externalId: intent.id,
      amount: 4900,
    });
  });

  it('reads charge.refunded as the refunds Stripe lists, with the reference Fission stored', () => {
    const recorded = fixture<{ data: { object: Record<string, unknown> } }>('charge.refunded');
    const delivery = signedDelivery({ ...recorded, id: 'evt_3' });
    expect(parse(delivery)).toEqual({
      eventId: 'evt_3',
      type: 'refund.observed',
      externalId: intent.id,
      amountRefunded: 4900,
      refunds: [
        {
          id: 're_3QxRkV2eZvKYlo2C0d9Wf2Gh',
          amount: 4900,
          reference: '0190f6c2-8b2c-7d4e-9f5a-6b7c8d9e0f1a',
        },
      ],
    });
  });

  it('reads charge.refunded without a list of refunds (current API versions) as the refunded total', () => {
    const event = stripeEvent('charge.refunded', intent, {
      eventId: 'evt_4',
      refunds: null,
      amountRefunded: 1000,
    });
    expect(parse(signedDelivery(event))).toEqual({
      eventId: 'evt_4',
      type: 'refund.observed',
      externalId: intent.id,
      amountRefunded: 1000,
      refunds: null,
    });
  });

  it('reads disputes, opened and closed', () => {
    const opened = parse(signedDelivery(fixture('charge.dispute.created')));
    expect(opened).toEqual({
      eventId: 'evt_1QxSa12eZvKYlo2C5rTq8Ka2',
      type: 'dispute.opened',
      externalId: intent.id,
      disputeId: 'dp_1QxSa02eZvKYlo2CbZ3hQw4e',
      amount: 4900,
      reason: 'fraudulent',
    });
    expect(parse(signedDelivery(fixture('charge.dispute.closed')))).toMatchObject({
      type: 'dispute.closed',
      outcome: 'lost',
    });
    const inquiry = stripeEvent('charge.dispute.closed', intent, { disputeStatus: 'warning_closed' });
    expect(parse(signedDelivery(inquiry))).toMatchObject({ type: 'dispute.closed', outcome: 'won' });
  });

  it('reads refund.failed with its reason and Fission’s reference', () => {
    expect(parse(signedDelivery(fixture('refund.failed')))).toEqual({
      eventId: 'evt_3QxRkV2eZvKYlo2C0Fa1lD3r',
      type: 'refund.failed',
      externalId: intent.id,
      refundId: 're_3QxRkV2eZvKYlo2C0d9Wf2Gh',
      reference: '0190f6c2-8b2c-7d4e-9f5a-6b7c8d9e0f1a',
      amount: 4900,
      reason: 'expired_or_canceled_card',
    });
  });

  it('ignores events it does not act on', () => {
    const event = {
      ...stripeEvent('payment_intent.succeeded', intent),
      id: 'evt_5',
      type: 'customer.created',
    };
    expect(parse(signedDelivery(event))).toMatchObject({ eventId: 'evt_5', type: 'ignored' });
  });

  it('stores Fission’s reference with a refund it asks for', async () => {
    await stripe.refund({ externalId: intent.id, amount: 100, idempotencyKey: 'refund:r3', reference: 'r3' });
    expect(fake.requests[0]?.params.get('metadata[fissionRefundId]')).toBe('r3');
  });

  it('rejects an event signed with another secret', () => {
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', intent), 'whsec_someone_else');
    expect(() => parse(delivery)).toThrow(InvalidWebhookError);
  });

  it('rejects an event whose body was changed after signing', () => {
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', intent));
    const tampered = {
      ...delivery,
      payload: delivery.payload.replace('"amount_received":4900', '"amount_received":1'),
    };
    expect(tampered.payload).not.toBe(delivery.payload);
    expect(() => parse(tampered)).toThrow(InvalidWebhookError);
  });

  it('rejects an event without a signature header', () => {
    const { payload } = signedDelivery(stripeEvent('payment_intent.succeeded', intent));
    expect(() => parse({ payload, headers: {} })).toThrow(InvalidWebhookError);
  });

  it('rejects a signature older than Stripe’s five-minute tolerance (a replayed capture)', () => {
    const payload = JSON.stringify(stripeEvent('payment_intent.succeeded', intent));
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(() => parse({ payload, headers: { 'stripe-signature': signature } })).toThrow(InvalidWebhookError);
  });
});
