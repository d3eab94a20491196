import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the operator's change of shipping templates is refused. */
export const shippingReasons = defineReasons({
  shipping_template_in_use: {
    code: 'conflict',
    params: Type.Object({ products: Type.Integer() }),
    description:
      'Products ship under this template (`products` of them): give them another template before deleting it.',
  },
});

export const refuse = refusalsOf(shippingReasons);
