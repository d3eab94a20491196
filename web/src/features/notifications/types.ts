import type { ResponseOf } from '../../lib/api';

/** As GET /api/me/notifications answers them: the generated types, so a new server type breaks the build. */
export type Inbox = ResponseOf<'/api/me/notifications', 'get'>;
export type Notification = Inbox['items'][number];
export type NotificationType = Notification['type'];
export type EmailPreferences = ResponseOf<'/api/me/notification-preferences', 'get'>;
