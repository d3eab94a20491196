/** The communities module's one entry: what other modules and the composition root may use. */
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AccountsService } from '../accounts/index.js';
import type { OrdersService } from '../orders/index.js';
import { createLeaders } from './leaders.js';
import { createPickups, type PickupsDeps } from './pickups.js';
import { newPickupCode, type UncollectedPolicy } from './rules.js';
import { createCommunityDirectory } from './service.js';

export { communitiesReasons } from './reasons.js';
export { type CommunitiesRouteOptions, communitiesRoutes } from './routes.js';
export type { UncollectedPolicy } from './rules.js';
export { PICKUP_CODE_LENGTH, waveCutoff } from './rules.js';
export type { Community, CommunityInput } from './schemas.js';
export { CommunitySchema } from './schemas.js';

/**
 * Leaders, communities with their pickup points, members and helpers, and the orders collected
 * there. Leader commission, community group buys, structure and trust hang off this module:
 * `pickups.ofOrder` says which community an order is collected in, `directory` who leads it.
 */
export function createCommunitiesModule(deps: {
  db: Database;
  clock: Clock;
  timeZone: string;
  accounts: AccountsService;
  orders: OrdersService;
  events: EventBus;
  jobs: JobRunner;
  leaderApproval: boolean;
  collectDays: number;
  uncollectedPolicy: UncollectedPolicy;
  /** Draws a pickup code (`newPickupCode` unless a test forces collisions). */
  pickupCode?: () => string;
  requestReturn: PickupsDeps['requestReturn'];
}) {
  const leaders = createLeaders({ ...deps, approval: deps.leaderApproval });
  const directory = createCommunityDirectory(deps);
  const pickups = createPickups({
    ...deps,
    directory,
    collectDays: deps.collectDays,
    policy: deps.uncollectedPolicy,
    newCode: deps.pickupCode ?? newPickupCode,
  });
  return { leaders, directory, pickups };
}

export type CommunitiesModule = ReturnType<typeof createCommunitiesModule>;
