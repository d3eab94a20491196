/** The structure module's one entry: what the composition root may use. */
export type { CommunityMembership } from './context.js';
export { structureRoutes } from './routes.js';
export { createStructureService, type StructureService } from './service.js';
