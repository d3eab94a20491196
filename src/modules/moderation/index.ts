/**
 * The moderation module's one entry: reports of public content, the console's queue, and bans
 * from posting. It reaches content only through the kinds registered in the platform's
 * `Moderation` registry, and sets the registry's posting check.
 */
export { moderationReasons } from './reasons.js';
export { type ModerationRouteOptions, moderationRoutes } from './routes.js';
export { REPORT_REASONS, type ReportReason } from './rules.js';
export type { Ban, QueueEntry, Report } from './schemas.js';
export type { ModerationDeps, ModerationService } from './service.js';
export { createModerationService } from './service.js';
