import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why stores refuse. A slug of the wrong form is a field error (`/slug`, rules `minLength`, `pattern`, `reserved`). */
export const storesReasons = defineReasons({
  slug_taken: {
    code: 'conflict',
    params: Type.Object({ slug: Type.String() }),
    description: 'Another store has this address; choose another.',
  },
  one_store_per_shopkeeper: {
    code: 'conflict',
    params: Type.Object({ storeId: Type.String() }),
    description: 'The shopkeeper already has a store (`storeId`); a shopkeeper runs one store.',
  },
  shopkeeper_required: {
    code: 'forbidden',
    description: 'Only a shopkeeper may open a store: become one first.',
  },
  shopkeeper_approval_pending: {
    code: 'forbidden',
    description: 'The application to become a shopkeeper waits for the operator’s approval.',
  },
  store_listing_limit: {
    code: 'business_rule',
    params: Type.Object({ max: Type.Integer() }),
    description: 'The store already lists the most products a store may list (`max`).',
  },
});

export const refuse = refusalsOf(storesReasons);
