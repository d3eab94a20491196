// The operator's check-in settings, loaded only inside the admin console.
export { AdminCheckInSettingsPage } from './pages/admin-check-in-settings-page';
