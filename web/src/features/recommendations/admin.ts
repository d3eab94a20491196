// The operator's recommender page, loaded only inside the admin console.

export { AdminRecommendationsPage } from './pages/admin-recommendations-page';
