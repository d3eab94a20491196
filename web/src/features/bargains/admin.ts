// The operator's bargain page, loaded only inside the admin console.

export { AdminBargainsPage } from './pages/admin-bargains-page';
