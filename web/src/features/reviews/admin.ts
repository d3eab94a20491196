// The console's reviews list, loaded only inside the admin console (the moderation page).
export { AdminReviewsList } from './pages/admin-reviews-list';
