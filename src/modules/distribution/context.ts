import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { IdempotencyStore } from '../../platform/idempotency.js';
import type { AccountsService } from '../accounts/service.js';
import type { LedgerService } from '../ledger/service.js';
import type { OrdersService } from '../orders/service.js';

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
  /** Product id → its own level-1 commission rate, for those that have one. */
  productRates(conn: Queryable, productIds: readonly string[]): Promise<Map<string, number>>;
}

/**
 * Why a commission is held, as codes clients translate: the buyer used the promoter's own device,
 * or the buyer disputed the charge. An address shared by buyer and promoter is no reason: it is a
 * signal (`SIGNALS`) the operator sees, since a household, an office or a carrier's NAT share one.
 */
export const HOLD_REASONS = ['shared_device', 'dispute'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export const SIGNALS = ['shared_ip'] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * How long a promoter's own device, or address, counts as "theirs" for the self-dealing check. A
 * device cookie is one phone or browser; an address is shared by a household, an office or a
 * carrier's NAT, so it counts only for a short while.
 */
export const SIGHTING_WINDOW_MS = { device: 24 * 3_600_000, ip: 3_600_000 } as const;
export const SETTLE_JOB = 'distribution.settle-due-commissions';
