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
  shipping_template_default: {
    code: 'conflict',
    params: Type.Object({}),
    description:
      'This is the default template, which every product without its own ships under: make another template the default before deleting it.',
  },
});

export const refuse = refusalsOf(shippingReasons);
