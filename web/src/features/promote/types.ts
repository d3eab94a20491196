import type { BodyOf, ResponseOf } from '../../lib/api';

/** The promoter centre's shapes, derived from the API's generated types. */
export type Wallet = ResponseOf<'/api/me/wallet', 'get'>;
export type Commission = ResponseOf<'/api/me/commissions', 'get'>['items'][number];
export type CommissionStatus = Commission['status'];
export type Withdrawal = ResponseOf<'/api/me/withdrawals', 'get'>['items'][number];
export type WithdrawalStatus = Withdrawal['status'];
export type PayoutDetails = NonNullable<Withdrawal['payout']>;
export type PayoutMethod = PayoutDetails['method'];
export type PayoutDetailsInput = BodyOf<'/api/me/payout-details', 'put'>;
export type SavedPayoutDetails = ResponseOf<'/api/me/payout-details', 'get'>;
export type Customer = ResponseOf<'/api/me/customers', 'get'>['items'][number];
export type TeamMember = ResponseOf<'/api/me/team', 'get'>['items'][number];
export type EarningDay = ResponseOf<'/api/me/earnings', 'get'>['items'][number];

// Records over the generated unions: a status or method the server adds fails the build here.
const commissionStatuses: Record<CommissionStatus, true> = { pending: true, settled: true, reversed: true };
const payoutMethods: Record<PayoutMethod, true> = { alipay: true, wechat: true, bank: true };

/** The commission statuses, for the list's filter. */
export const COMMISSION_STATUSES = Object.keys(commissionStatuses) as CommissionStatus[];
export const PAYOUT_METHODS = Object.keys(payoutMethods) as PayoutMethod[];
