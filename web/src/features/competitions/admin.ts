// The operator's competition pages, loaded only inside the admin console.
export { AdminCompetitionNewPage, AdminCompetitionPage } from './pages/admin-competition-page';
export { AdminCompetitionsPage } from './pages/admin-competitions-page';
