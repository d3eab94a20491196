// The operator's policy page, loaded only inside the admin console.

export { AdminPolicyPage } from './pages/admin-policy-page';
