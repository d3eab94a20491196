/** The analytics module's one entry: the event log, its rollups and the operator's dashboard. */

export { type MetricSources, registerBusinessMetrics } from './metrics.js';
export type { EventRow as AnalyticsEvent } from './queries.js';
export { analyticsRoutes } from './routes.js';
export type { AnalyticsService, OrderFacts as AnalyticsOrderFacts } from './service.js';
export { createAnalyticsService } from './service.js';
