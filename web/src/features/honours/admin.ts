// The operator's badge page, loaded only inside the admin console.
export { AdminHonoursPage } from './pages/admin-honours-page';
