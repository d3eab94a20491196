export { AdminDashboardPage } from './pages/admin-dashboard-page';
