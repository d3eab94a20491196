export { useAdminCommunities } from './api/admin';
export { AdminCommunitiesPage } from './pages/admin-communities-page';
