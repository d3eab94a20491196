// The operator's group-buy page, loaded only inside the admin console.
export { AdminGroupBuysPage } from './pages/admin-group-buys-page';
