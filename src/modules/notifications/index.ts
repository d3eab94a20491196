/** The notifications module's one entry: what other modules and the composition root may use. */

export type { Mail, Mailer } from './mailer.js';
export { createMailer } from './mailer.js';
export { passwordResetEmail } from './password-reset.js';
export { notificationsReasons } from './reasons.js';
export { notificationsRoutes } from './routes.js';
export { NOTIFICATION_TYPES } from './rules.js';
export type { NotificationsService } from './service.js';
export { createNotificationsService } from './service.js';
