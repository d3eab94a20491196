/** The checkins module's one entry: daily check-ins, streaks and make-up cards. */
export { checkinsReasons } from './reasons.js';
export { checkinsRoutes } from './routes.js';
export { DEFAULT_SETTINGS } from './rules.js';
export type { CalendarView, Settings as CheckInSettings } from './schemas.js';
export type { CheckinsService } from './service.js';
export { createCheckinsService } from './service.js';
