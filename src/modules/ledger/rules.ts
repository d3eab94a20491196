/**
 * Pure ledger rules. A posting set is a list of (account, amount) lines; debits are positive,
 * credits negative, and a set is valid only when it balances to zero.
 */
export interface PostingLine {
  account: string;
  amount: number;
}

export type AccountKind = 'asset' | 'liability' | 'revenue' | 'expense' | 'contra';

/** The platform's chart of accounts. Per-person accounts carry the owner's id in their code. */
export const accounts = {
  /** Money held for us at a payment provider (asset). */
  provider: (name: string) => ({ code: `provider:${name}`, kind: 'asset' as const }),
  /** What buyers paid for orders (revenue). */
  sales: { code: 'platform:sales', kind: 'revenue' as const },
  /** What buyers paid for shipping: kept apart from goods, which commissions and coupons count (revenue). */
  shippingRevenue: { code: 'platform:shipping-revenue', kind: 'revenue' as const },
  /** Shipping fees given back to buyers (contra-revenue of shipping). */
  shippingRefunds: { code: 'platform:shipping-refunds', kind: 'contra' as const },
  /** Money given back to buyers (contra-revenue). */
  refunds: { code: 'platform:refunds', kind: 'contra' as const },
  /** Payments that arrived for cancelled orders, owed back to the payer (liability). */
  latePayments: { code: 'platform:late-payments', kind: 'liability' as const },
  /** Payments whose amount differed from their order, owed back to the payer (liability). */
  unmatchedPayments: { code: 'platform:unmatched-payments', kind: 'liability' as const },
  /**
   * Refunds the provider failed after they were booked (Stripe's refund.failed): the money is back
   * at the provider and owed to the buyer until a person decides (liability).
   */
  failedRefunds: { code: 'platform:failed-refunds', kind: 'liability' as const },
  /** Money a payment provider took back after a chargeback the shop lost (expense). */
  disputeLosses: { code: 'platform:dispute-losses', kind: 'expense' as const },
  /** Commission the platform owes promoters (expense). */
  commissionExpense: { code: 'platform:commission-expense', kind: 'expense' as const },
  /** Money paid out to promoters (asset: cash leaving the platform). */
  payouts: { code: 'platform:payouts', kind: 'asset' as const },
  promoterPending: (userId: string) => ({ code: `promoter:${userId}:pending`, kind: 'liability' as const }),
  promoterAvailable: (userId: string) => ({
    code: `promoter:${userId}:available`,
    kind: 'liability' as const,
  }),
  promoterReserved: (userId: string) => ({ code: `promoter:${userId}:reserved`, kind: 'liability' as const }),
  promoterWithdrawn: (userId: string) => ({
    code: `promoter:${userId}:withdrawn`,
    kind: 'liability' as const,
  }),
};

export class UnbalancedPostingError extends Error {}

/** Throws unless every amount is a non-zero safe integer and the lines sum to zero. */
export function assertBalanced(lines: readonly PostingLine[]): void {
  if (lines.length < 2) throw new UnbalancedPostingError('a posting set needs at least two lines');
  let sum = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0) {
      throw new UnbalancedPostingError(`posting to ${line.account} must be a non-zero integer`);
    }
    sum += line.amount;
  }
  if (sum !== 0) throw new UnbalancedPostingError(`posting set is off by ${sum}`);
}

/** A transfer of `amount` from one account to another, as the two lines that record it. */
export const transfer = (from: string, to: string, amount: number): PostingLine[] => [
  { account: to, amount },
  { account: from, amount: -amount },
];

/** A ledger account and its kind, as `accounts` names them. */
export interface Account {
  code: string;
  kind: AccountKind;
}

/** A transfer between two accounts, with the kinds the ledger needs to open them on first use. */
export const transferBetween = (from: Account, to: Account, amount: number) => ({
  lines: transfer(from.code, to.code, amount),
  accountKinds: { [from.code]: from.kind, [to.code]: to.kind },
});

/** The lines that undo a posting set exactly. */
export const reversal = (lines: readonly PostingLine[]): PostingLine[] =>
  lines.map((line) => ({ account: line.account, amount: -line.amount }));
