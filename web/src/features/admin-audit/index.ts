export { AdminAuditPage } from './pages/admin-audit-page';
