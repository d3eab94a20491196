import type { QueryOf, ResponseOf } from './api';

/** Signs that buyer and promoter may be one person or one ring, as the API names them (generated types). */
export type RingSignal = NonNullable<QueryOf<'/api/admin/commissions', 'get'>['signal']>;
/** Why a commission is held: a ring signal the operator holds on, or a payment dispute. */
export type HoldReason = NonNullable<ResponseOf<'/api/me/commissions', 'get'>['items'][number]['holdReason']>;

// A record over the generated union: a signal the server adds or drops fails the build here.
const order: Record<RingSignal, number> = {
  shared_device: 0,
  shared_ip: 1,
  shared_address: 2,
  shared_phone: 3,
  payment_fingerprint: 4,
  own_address_customers: 5,
  single_promoter_new_accounts: 6,
};

/** Every ring signal, in the order the console lists them. */
export const RING_SIGNALS = (Object.keys(order) as RingSignal[]).sort((a, b) => order[a] - order[b]);

export const isRingSignal = (code: string | null): code is RingSignal =>
  code !== null && Object.hasOwn(order, code);
