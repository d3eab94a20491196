export { OrderCommissionFlags } from './components/commission-flags';
export { AdminDistributionSettingsPage } from './pages/admin-distribution-settings-page';
export { AdminPromotersPage } from './pages/admin-promoters-page';
export { AdminWithdrawalsPage } from './pages/admin-withdrawals-page';
