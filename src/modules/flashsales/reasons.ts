import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Instant = Type.String({ format: 'date-time' });

/** Why a flash-sale order is refused: each a name the web words, with the numbers it needs. */
export const flashSaleReasons = defineReasons({
  flash_sale_not_live: {
    code: 'conflict',
    params: Type.Object({ saleId: Type.String(), startsAt: Instant }),
    description: 'The sale has not opened yet: it opens at `startsAt`.',
  },
  flash_sale_ended: {
    code: 'conflict',
    params: Type.Object({ saleId: Type.String(), endsAt: Instant }),
    description: 'The sale is over: its window ended at `endsAt`, or the operator closed it.',
  },
  flash_sale_sold_out: {
    code: 'conflict',
    params: Type.Object({ saleId: Type.String(), remaining: Type.Integer({ minimum: 0 }) }),
    description:
      'Fewer units are left than asked for (`remaining`, often 0). Units of unpaid orders come back ' +
      'when those orders are cancelled or expire, so a sold-out sale may have units again.',
  },
  flash_sale_limit_reached: {
    code: 'business_rule',
    params: Type.Object({ perUserLimit: Type.Integer(), remaining: Type.Integer({ minimum: 0 }) }),
    description:
      'The sale allows `perUserLimit` units per person across their orders of it that are not ' +
      'cancelled; the buyer may take `remaining` more.',
  },
  flash_sale_single_item: {
    code: 'invalid_input',
    params: Type.Object({ variantId: Type.String() }),
    description: 'A flash-sale order holds exactly one line: the sale’s variant (`variantId`).',
  },
});

export const refuse = refusalsOf(flashSaleReasons);
