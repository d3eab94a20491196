export { MyTrustCard } from './components/my-trust-card';
export { AdminTrustDetailPage } from './pages/admin-trust-detail-page';
export { AdminTrustPage } from './pages/admin-trust-page';
