export { CompetitionPage } from './pages/competition-page';
export { CompetitionsPage } from './pages/competitions-page';
