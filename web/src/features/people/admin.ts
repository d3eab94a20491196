// The console's people pages, loaded only inside the admin console.
export { AdminPeoplePage } from './pages/admin-people-page';
export { AdminPersonPage } from './pages/admin-person-page';
