import { notFound } from '../../platform/errors.js';
import type { SandboxProvider } from '../payments/index.js';
import type { OrdersContext } from './context.js';
import { orderRefusal, PAY_REFUSALS, payRefusal } from './delivery-rules.js';
import { confirmPayment, recordPaymentFailure } from './lifecycle.js';
import type { Order } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';

export type SandboxOutcome = 'succeeded' | 'failed';

/**
 * The buyer's side of the sandbox: what a card form does at a real provider. The sandbox reports
 * the outcome as a provider event, which the order applies as it applies a webhook's.
 * Another person's order (admins included) is a 404; an order not pending payment a 409 saying why.
 */
export async function payInSandbox(
  ctx: OrdersContext,
  sandbox: Pick<SandboxProvider, 'simulate'>,
  userId: string,
  orderId: string,
  outcome: SandboxOutcome,
): Promise<Order> {
  const order = await q.findOrder(ctx.db, orderId);
  if (!order || order.user_id !== userId) throw notFound('Order');
  const refusal = payRefusal(order.status);
  if (refusal) throw orderRefusal(refusal, orderId, PAY_REFUSALS);
  const payment = await ctx.payments.latestPaymentNow(orderId);
  if (payment?.provider !== 'sandbox')
    throw refuse('not_sandbox_payment', undefined, 'This order is not paid through the sandbox');
  const event = await sandbox.simulate(payment.external_id, outcome);
  if (!event) throw orderRefusal('already_paid', orderId, PAY_REFUSALS);
  return outcome === 'succeeded'
    ? confirmPayment(ctx, 'sandbox', event)
    : recordPaymentFailure(ctx, 'sandbox', event);
}
