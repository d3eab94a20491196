export { AdminStructurePage } from './pages/admin-structure-page';
