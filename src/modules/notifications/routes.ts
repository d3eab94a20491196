import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { NOTIFICATION_TYPES } from './rules.js';
import type { NotificationsService } from './service.js';

const NotificationType = Type.Enum(NOTIFICATION_TYPES);

const NotificationSchema = Type.Object({
  id: Type.String(),
  type: NotificationType,
  title: Type.String(),
  body: Type.String(),
  /** The page it is about, relative to the web app: /orders/<id>, /groups/<id>, /promote/… */
  link: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Inbox = Type.Object({
  items: Type.Array(NotificationSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer({ minimum: 0 }),
});

const ReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })) },
  { additionalProperties: false },
);

const emailFlags = (optional: boolean) =>
  Type.Object(
    Object.fromEntries(
      NOTIFICATION_TYPES.map((t) => [t, optional ? Type.Optional(Type.Boolean()) : Type.Boolean()]),
    ),
    { additionalProperties: false },
  );
const Preferences = Type.Object({ email: emailFlags(false) });
const PreferencesBody = Type.Object({ email: emailFlags(true) }, { additionalProperties: false });

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/me/notifications',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications',
        description: 'Newest first, paginated, with how many are unread in all.',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: Inbox },
      },
    },
    async (request) => notifications.list(requireUser(request).id, request.query),
  );

  app.post(
    '/api/me/notifications/read',
    {
      onRequest: signedIn,
      // No body at all means "all", like `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read',
        description:
          'Marks the given notifications read, or all of them when `ids` is absent. Ids that are not yours are ignored.',
        body: ReadBody,
        response: { 200: Type.Object({ unread: Type.Integer({ minimum: 0 }) }) },
      },
    },
    async (request) => notifications.markRead(requireUser(request).id, request.body?.ids),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Your email preferences',
        description: 'Per notification type, whether you also get it by email.',
        response: { 200: Preferences },
      },
    },
    async (request) => ({ email: await notifications.emailPreferences(requireUser(request).id) }),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Change your email preferences',
        description: 'Sets email on or off for the types given; the others keep their setting.',
        body: PreferencesBody,
        response: { 200: Preferences },
      },
    },
    async (request) => ({
      email: await notifications.updateEmailPreferences(requireUser(request).id, request.body.email),
    }),
  );
};
