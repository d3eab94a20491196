export { AdminCommunitiesPage } from './pages/admin-communities-page';
