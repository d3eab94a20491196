import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrdersService } from '../orders/index.js';

export interface LevelsContext {
  db: Database;
  clock: Clock;
  events: EventBus;
  jobs: JobRunner;
  /** The platform's time zone: calendar months for the coupon, the re-evaluation's day. */
  timeZone: string;
  currency: string;
  /** The monthly coupon is granted through the coupons module; a level names one of its templates. */
  coupons: Pick<CouponsService, 'grant' | 'getTemplate'>;
  /** What an order paid, for its growth; its status, so a refunded order's review earns nothing. */
  orders: Pick<OrdersService, 'attributionFacts' | 'statusHeld'>;
}

export const MONTHLY_COUPON_JOB = 'levels.monthly-coupons';
export const YEARLY_REVIEW_JOB = 'levels.yearly-review';
/** Both jobs only act on a new month or an announced day; hourly is soon enough after midnight. */
export const SCHEDULE_EVERY_MS = 3_600_000;
/** The sweep an edit of the ladder queues: members whose growth reaches a higher level go up. */
export const RAISE_RANKS_JOB = 'levels.raise-ranks';
