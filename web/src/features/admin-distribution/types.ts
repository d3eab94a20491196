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
}

export interface PromoterSummary {
  id: string;
  name: string;
  email: string;
  pending: number;
  settled: number;
  reversed: number;
  held: number;
  customers: number;
}

export interface AdminWithdrawal {
  id: string;
  userId: string;
  amount: number;
  status: 'requested' | 'paid' | 'rejected';
  note: string;
  createdAt: string;
  decidedAt: string | null;
  user?: { name: string; email: string };
}

export interface HeldCommission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  holdReason: string | null;
  buyer: { id: string; name: string };
  promoter: { id: string; name: string };
  createdAt: string;
}
