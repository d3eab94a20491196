import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { AccountsService } from '../accounts/index.js';
import type { CouponsService } from '../coupons/index.js';
import type { DistributionService } from '../distribution/index.js';
import type { OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';

/** What competitions need of the platform and of other modules (through their services only). */
export interface CompetitionsContext {
  db: Database;
  clock: Clock;
  /** Where `competition.placed` goes, inside the award's transaction. */
  events: Pick<EventBus, 'publish'>;
  accounts: Pick<AccountsService, 'namesOf'>;
  points: Pick<PointsService, 'earn'>;
  coupons: Pick<CouponsService, 'grant' | 'getTemplate'>;
  distribution: Pick<DistributionService, 'creditBonus' | 'commissionFacts'>;
  orders: Pick<OrdersService, 'hasPaidBefore' | 'statusHeld'>;
}

/** The sweep that awards whatever is due (a safety net), and the award of one competition at its end. */
export const AWARD_JOB = 'competitions.award-ended';
export const AWARD_ONE_JOB = 'competitions.award';
