import type { BodyOf, ResponseOf } from '../../lib/api';

/** The console's distribution shapes, derived from the API's generated types. */
export type DistributionSettings = ResponseOf<'/api/admin/distribution/settings', 'get'>;
export type SettingsPatch = BodyOf<'/api/admin/distribution/settings', 'put'>;
export type Attribution = DistributionSettings['attribution'];
export type ContentCredit = DistributionSettings['contentCredit'];
export type PromoterSummary = ResponseOf<'/api/admin/promoters', 'get'>['items'][number];
export type AdminWithdrawal = ResponseOf<'/api/admin/withdrawals', 'get'>['items'][number];
export type WithdrawalStatus = AdminWithdrawal['status'];
export type PayoutDetails = NonNullable<AdminWithdrawal['payout']>;
export type HeldCommission = ResponseOf<'/api/admin/commissions', 'get'>['items'][number];
export type FlaggedCommission = ResponseOf<'/api/admin/commission-flags', 'get'>['items'][number];
export type CommissionFlag = FlaggedCommission['flags'][number];

export { isRingSignal, RING_SIGNALS, type RingSignal } from '../../lib/ring-signals';
