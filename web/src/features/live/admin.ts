export { AdminLivePage } from './pages/admin-live-page';
