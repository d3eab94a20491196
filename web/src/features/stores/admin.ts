// The operator's shopkeeper applications, loaded only inside the admin console.
export { AdminShopkeepersPage } from './pages/admin-shopkeepers-page';
