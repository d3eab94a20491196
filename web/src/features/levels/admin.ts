// The operator's level pages, loaded only inside the admin console.
export { AdminLevelsPage } from './pages/admin-levels-page';
