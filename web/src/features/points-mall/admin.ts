// The operator's points-mall page, loaded only inside the admin console.
export { AdminPointsMallPage } from './pages/admin-points-mall-page';
