/** The academy module's one entry: lessons for shopkeepers, their completion, and the Q&A board. */
export { academyReasons } from './reasons.js';
export { academyRoutes } from './routes.js';
export type { AcademyService } from './service.js';
export { createAcademyService } from './service.js';
