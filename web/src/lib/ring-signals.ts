/** Signs that buyer and promoter may be one person or one ring, as the API names them. */
export const RING_SIGNALS = [
  'shared_device',
  'shared_ip',
  'shared_address',
  'shared_phone',
  'payment_fingerprint',
  'own_address_customers',
  'single_promoter_new_accounts',
] as const;
export type RingSignal = (typeof RING_SIGNALS)[number];

export const isRingSignal = (code: string | null): code is RingSignal =>
  code !== null && (RING_SIGNALS as readonly string[]).includes(code);
