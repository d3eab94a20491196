export { AdminStructurePage } from './pages/admin-structure-page';
export { AdminTrustDetailPage } from './pages/admin-trust-detail-page';
export { AdminTrustPage } from './pages/admin-trust-page';
