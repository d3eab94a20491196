// The console's moderation page, loaded only inside the admin console.
export { AdminModerationPage } from './pages/admin-moderation-page';
