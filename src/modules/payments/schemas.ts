import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { disputeMachine, paymentMachine } from './rules.js';

const PaymentStatusSchema = Type.Enum(paymentMachine.states);

export const DisputeSchema = Type.Object({
  status: Type.Enum(disputeMachine.states),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
});

/** An order's latest payment, as every order response shows it. */
export const PaymentSummarySchema = Type.Object({
  provider: Type.String(),
  status: PaymentStatusSchema,
  amount: Type.Integer(),
  /** The sandbox's pay page; null for providers paid in the app (Stripe's card form). */
  payUrl: Nullable(Type.String()),
  /** Stripe's client secret, on the answer to checkout only. */
  clientSecret: Type.Optional(Type.String()),
});

/** What the buyer's browser needs to pay an order at its provider. */
export const OrderPaymentSchema = Type.Object({
  provider: Type.String(),
  status: PaymentStatusSchema,
  amount: Type.Integer(),
  /** Stripe's PaymentIntent client secret while the payment is open; null otherwise. */
  clientSecret: Nullable(Type.String()),
});

export const ATTENTION_KINDS = [
  'job_failed',
  'refund_stuck',
  'refund_failed',
  'payment_unmatched',
  'provider_refund_failed',
  'dashboard_refund',
  'dispute_open',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const AttentionItemSchema = Type.Object({
  kind: Type.Union([
    Type.Literal('job_failed'),
    Type.Literal('refund_stuck'),
    Type.Literal('refund_failed'),
    Type.Literal('payment_unmatched'),
    Type.Literal('provider_refund_failed'),
    Type.Literal('dashboard_refund'),
    Type.Literal('dispute_open'),
  ]),
  /** The thing that needs a person: a job, refund, payment or dispute id. */
  id: Type.String(),
  orderId: Nullable(Type.String()),
  amount: Nullable(Type.Integer()),
  /** A job's name, a provider's failure reason, a dispute's reason. */
  detail: Type.String(),
  attempts: Nullable(Type.Integer()),
  since: Type.String(),
});
export type AttentionItem = Static<typeof AttentionItemSchema>;
// Keeps the schema and the list of kinds from drifting apart.
const _sameKinds: AttentionKind extends AttentionItem['kind'] ? true : never = true;

export const AttentionListSchema = Type.Object({
  items: Type.Array(AttentionItemSchema),
  nextCursor: Nullable(Type.String()),
  counts: Type.Record(Type.String(), Type.Integer()),
});
