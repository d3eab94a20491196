import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { ContentSources } from '../../platform/content-sources.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { IdempotencyStore } from '../../platform/idempotency.js';
import type { Policy } from '../../platform/policy.js';
import type { AccountsService } from '../accounts/index.js';
import type { LedgerService } from '../ledger/index.js';
import type { OrdersService } from '../orders/index.js';

/** What distribution needs to know of a paid order, as the orders module's service answers it. */
export type AttributionFacts = NonNullable<Awaited<ReturnType<OrdersService['attributionFacts']>>>;

/**
 * Who stands behind a share code or a store. Supplied by the sharing and stores modules, so this
 * module needs neither's tables.
 */
export interface AttributionSources {
  sharerOfCode(conn: Queryable, code: string): Promise<string | null>;
  ownerOfStore(conn: Queryable, slug: string): Promise<string | null>;
}

export interface DistributionContext {
  db: Database;
  clock: Clock;
  config: Pick<
    Config,
    'distributionMaxLevels' | 'distributionRatesBps' | 'returnWindowDays' | 'timeZone' | 'currency'
  >;
  accounts: AccountsService;
  orders: OrdersService;
  ledger: LedgerService;
  idempotency: IdempotencyStore;
  /** Commission and withdrawal events are published here, inside the change's transaction. */
  events: EventBus;
  sources: AttributionSources;
  /** Who owns a post or live room an order came through (the posts and live modules register them). */
  contentSources: Pick<ContentSources, 'ownerOf'>;
  /** Product id → its own level-1 commission rate, for those that have one. */
  productRates(conn: Queryable, productIds: readonly string[]): Promise<Map<string, number>>;
  /** Product id → its own leader commission rate, for those that have one (none without it). */
  leaderRates?(conn: Queryable, productIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * The leader of the community an order is collected in, or null for a delivered order (the
   * communities module answers it); nobody earns a leader commission without it.
   */
  pickupLeaderOf?(conn: Queryable, orderId: string): Promise<string | null>;
  /**
   * The levels module's commission multiplier of a promoter (10000 = ×1), by their membership level;
   * ×1 for everyone without it. Applied to each promoter's share before the cap.
   */
  commissionMultiplierBps?(conn: Queryable, promoterId: string): Promise<number>;
  /**
   * The trust module's verdict: whether a promoter's trust value is below the operator's threshold,
   * so their new commissions are held for review (`low_trust`). Nobody is held without it.
   */
  lowTrust?(tx: Tx, promoterId: string): Promise<boolean>;
  /**
   * The market policy profile: new commissions stay within its levels and payout cap, and the
   * operator cannot save settings beyond them. No limits without it.
   */
  policy?: Policy;
}

/**
 * Signs that buyer and promoter may be one person or one ring, found when a commission is earned
 * (see ring-signals.ts). Each is stored with its evidence; the operator chooses which ones hold the
 * commission for review (`holdingSignals`, by default a shared device or a shared address). A shared
 * IP alone is weak: one Wi-Fi, office or carrier NAT puts many people on one address.
 */
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
export const DEFAULT_HOLDING_SIGNALS: readonly RingSignal[] = ['shared_device', 'shared_address'];

/**
 * Why a commission is held, as codes clients translate: a holding ring signal, a dispute, or the
 * promoter's trust value below the operator's threshold (`low_trust`).
 */
export const HOLD_REASONS = [...RING_SIGNALS, 'dispute', 'low_trust'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * How long a promoter's own device, or address, counts as "theirs" for the self-dealing check. A
 * device cookie is one phone or browser; an address is shared by a household, an office or a
 * carrier's NAT, so it counts only for a short while.
 */
export const SIGHTING_WINDOW_MS = { device: 24 * 3_600_000, ip: 3_600_000 } as const;
export const SETTLE_JOB = 'distribution.settle-due-commissions';
