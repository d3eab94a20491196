import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Money = Type.Integer({ description: 'minor units' });

/** Why the promoter centre, the payout desk or the fraud review refuse a request. */
export const distributionReasons = defineReasons({
  below_min_withdrawal: {
    code: 'business_rule',
    params: Type.Object({ amount: Money, minWithdrawalAmount: Money }),
    description: 'The withdrawal asked for is under the operator’s minimum.',
  },
  withdrawal_above_balance: {
    code: 'business_rule',
    params: Type.Object({ amount: Money, balanceAmount: Money }),
    description: 'The withdrawal asked for is more than the available balance.',
  },
  payout_details_missing: {
    code: 'business_rule',
    description: 'Save payout details (where the money goes) before asking for a withdrawal.',
  },
  withdrawal_not_covered: {
    code: 'business_rule',
    params: Type.Object({ amount: Money, balanceAmount: Money }),
    description:
      'The promoter’s balance (available + reserved, held money excluded) no longer covers the withdrawal, ' +
      'e.g. after a refund reversed a settled commission.',
  },
  commission_held_by_dispute: {
    code: 'conflict',
    params: Type.Object({ commissionId: Type.String() }),
    description: 'The commission is held by a payment dispute; the hold ends when the dispute closes.',
  },
  commission_not_held: {
    code: 'conflict',
    params: Type.Object({ commissionId: Type.String() }),
    description: 'The commission is not held for review (never held, released, reversed or decided already).',
  },
});

export const refuse = refusalsOf(distributionReasons);
