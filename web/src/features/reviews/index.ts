export { OrderReviews } from './components/order-reviews';
export { ProductReviews } from './components/product-reviews';
export { RatingSummaryView } from './components/rating-summary';
export { ReviewCard } from './components/review-card';
