export interface Wallet {
  /** Earned on paid orders still inside their return window (held amounts not included). */
  pending: number;
  /** Held for review or by a buyer's dispute: it neither settles nor can be withdrawn meanwhile. */
  held: number;
  /** Settled and free to withdraw. */
  available: number;
  /** Held by withdrawal requests the operator has not decided yet. */
  reserved: number;
  withdrawn: number;
}

export const COMMISSION_STATUSES = ['pending', 'settled', 'reversed'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export interface Person {
  id: string;
  name: string;
}

export interface Commission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  status: CommissionStatus;
  held: boolean;
  /** A code: `shared_device`, `dispute` (others may come; the web says something general). */
  holdReason: string | null;
  /** The buyer did not choose to be public: a masked name and avatar initial, no id. */
  buyer: { name: string; initial: string };
  promoter: Person;
  createdAt: string;
  settleAfter: string | null;
  settledAt: string | null;
  reversedAt: string | null;
}

export type WithdrawalStatus = 'requested' | 'paid' | 'rejected';

export interface Withdrawal {
  id: string;
  userId: string;
  amount: number;
  status: WithdrawalStatus;
  note: string;
  createdAt: string;
  decidedAt: string | null;
  /** Where the money goes, masked. */
  payout: PayoutDetails | null;
}

export const PAYOUT_METHODS = ['alipay', 'wechat', 'bank'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export interface PayoutDetails {
  method: PayoutMethod;
  holderName: string;
  account: string;
  bankName: string | null;
}

export interface PayoutDetailsInput {
  method: PayoutMethod;
  holderName: string;
  account: string;
  bankName?: string;
}

/** Customers and team members by masked name and avatar initial: they did not choose to be public. */
export interface Customer {
  name: string;
  initial: string;
  origin: { type: 'share_link' | 'store' | string; ref: string };
  boundAt: string;
  expiresAt: string | null;
  orders: number;
  gmv: number;
}

export interface TeamMember {
  name: string;
  initial: string;
  joinedAt: string;
  sales: number;
  invited: number;
}

export interface EarningDay {
  day: string;
  amount: number;
}
