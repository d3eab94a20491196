/** The competitions module's one entry: competitions, their leaderboards and their prizes. */
export { competitionsReasons } from './reasons.js';
export { competitionsRoutes } from './routes.js';
export type { CompetitionInput, CompetitionsService } from './service.js';
export { createCompetitionsService } from './service.js';
