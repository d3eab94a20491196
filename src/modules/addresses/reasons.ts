import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the address book refuses. A field of the wrong form is a field error (`/phone` `pattern`, …). */
export const addressesReasons = defineReasons({
  address_limit: {
    code: 'business_rule',
    params: Type.Object({ max: Type.Integer() }),
    description: 'The person already keeps the most saved addresses allowed (`max`); delete one first.',
  },
});

export const refuse = refusalsOf(addressesReasons);
