import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { Inbox, Preferences, PreferencesBody, ReadBody, UnreadSchema } from './schemas.js';
import type { NotificationsService } from './service.js';

const errors = { 400: ProblemResponse, 401: ProblemResponse };

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
        description:
          'The signed-in person’s notifications, newest first, paginated, with how many are unread in ' +
          'all. `title` and `body` are in the person’s language, written when the notification is made.',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: Inbox, ...errors },
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
        response: { 200: UnreadSchema, ...errors },
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
        description: 'Per notification type, whether the signed-in person also gets it by email.',
        response: { 200: Preferences, 401: ProblemResponse },
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
        description:
          'Sets email on or off for the types given; the others keep their setting. An unknown type → 400.',
        body: PreferencesBody,
        response: { 200: Preferences, ...errors },
      },
    },
    async (request) => ({
      email: await notifications.updateEmailPreferences(requireUser(request).id, request.body.email),
    }),
  );
};
