export { PromoteCommissionsPage } from './pages/commissions-page';
export { PromoteCustomersPage } from './pages/customers-page';
export { PromoteLinksPage } from './pages/links-page';
export { PromoteOverviewPage } from './pages/overview-page';
export { PromotePayoutPage } from './pages/payout-page';
export { PromoteLayout } from './pages/promote-layout';
export { PromoteTeamPage } from './pages/team-page';
export { PromoteWithdrawalsPage } from './pages/withdrawals-page';
