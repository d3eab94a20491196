import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the payments module refuses a request: a provider's webhook it cannot take. */
export const paymentReasons = defineReasons({
  unknown_payment_provider: {
    code: 'not_found',
    params: Type.Object({ provider: Type.String() }),
    description: 'No payment provider of that name takes webhooks on this server.',
  },
  invalid_webhook: {
    code: 'invalid_input',
    description: 'The webhook’s signature or body did not verify; nothing was applied.',
  },
});

export const refuse = refusalsOf(paymentReasons);
