/** The reviews module's one entry: verified-purchase reviews, their follow-ups and rating summaries. */
export { reviewsReasons } from './reasons.js';
export { reviewsRoutes } from './routes.js';
export type { RatingSummary } from './rules.js';
export type { AdminReview, OwnReview, Review } from './schemas.js';
export type { ReviewsDeps, ReviewsService } from './service.js';
export { createReviewsService } from './service.js';
