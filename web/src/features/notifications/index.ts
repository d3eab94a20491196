export { EmailPreferencesCard } from './components/email-preferences-card';
export { NotificationBell } from './components/notification-bell';
export { NotificationsPage } from './pages/notifications-page';
