export type Attribution = 'first_binding' | 'last_click';

export interface DistributionSettings {
  maxLevels: number;
  ratesBps: number[];
  attribution: Attribution;
  /** Days a buyer stays bound to a promoter; null: for good. */
  bindingDays: number | null;
  newUsersOnly: boolean;
  capBps: number;
  minWithdrawal: number;
  /** The ring signals that hold a commission for review; the others are flags only. */
  holdingSignals?: string[];
}

export interface PromoterSummary {
  id: string;
  name: string;
  email: string;
  pending: number;
  settled: number;
  reversed: number;
  held: number;
  /** Commissions with a signal (a shared address) to look at; nothing is held for it. */
  signals: number;
  customers: number;
  /** Commissions (not reversed) that raised each ring signal. */
  flags?: Record<string, number>;
}

export interface PayoutDetails {
  method: 'alipay' | 'wechat' | 'bank';
  holderName: string;
  account: string;
  bankName: string | null;
}

export interface AdminWithdrawal {
  id: string;
  userId: string;
  amount: number;
  status: 'requested' | 'paid' | 'rejected';
  note: string;
  createdAt: string;
  decidedAt: string | null;
  /** In full: this is the operator's payout view. */
  payout: PayoutDetails | null;
  user?: { name: string; email: string };
  /** The promoter's balance now; `covers`: it can still pay this withdrawal. */
  balance: { available: number; reserved: number; covers: boolean };
}

export interface HeldCommission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  holdReason: string | null;
  signals: string[];
  status: 'pending' | 'settled' | 'reversed';
  buyer: { id: string; name: string };
  promoter: { id: string; name: string };
  createdAt: string;
}

export { isRingSignal, RING_SIGNALS, type RingSignal } from '../../lib/ring-signals';

export interface CommissionFlag {
  signal: string;
  evidence: Record<string, unknown>;
  createdAt: string;
}

/** A commission as the fraud review shows it: its flags with evidence, its hold and any decision. */
export interface FlaggedCommission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  status: 'pending' | 'settled' | 'reversed';
  held: boolean;
  holdReason: string | null;
  reviewable: boolean;
  buyer: { id: string; name: string };
  promoter: { id: string; name: string };
  createdAt: string;
  flags: CommissionFlag[];
  review: {
    decision: 'released' | 'reversed';
    note: string;
    decidedBy: { id: string; name: string };
    decidedAt: string;
  } | null;
}
