// The operator's points settings, loaded only inside the admin console.
export { AdminPointsSettingsPage } from './pages/admin-points-settings-page';
