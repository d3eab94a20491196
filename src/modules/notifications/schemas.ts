import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { NOTIFICATION_TYPES } from './rules.js';

/** The notification types, one per event that notifies; the web app words each from this list. */
export const NotificationTypeSchema = Type.Enum(NOTIFICATION_TYPES, { description: 'the event it is about' });

export const NotificationSchema = Type.Object({
  id: Type.String(),
  type: NotificationTypeSchema,
  title: Type.String({ description: 'in the person’s language, written when the notification is made' }),
  body: Type.String(),
  link: Type.String({
    description: 'the page it is about, relative to the web app: /orders/<id>, /groups/<id>, /promote/…',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});

export const Inbox = Type.Object({
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
  unread: Type.Integer({ minimum: 0 }),
});

export const ReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })) },
  { additionalProperties: false },
);

export const UnreadSchema = Type.Object({ unread: Type.Integer({ minimum: 0 }) });

const emailFlags = (optional: boolean) =>
  Type.Object(
    Object.fromEntries(
      NOTIFICATION_TYPES.map((t) => [t, optional ? Type.Optional(Type.Boolean()) : Type.Boolean()]),
    ),
    { additionalProperties: false },
  );
export const Preferences = Type.Object({ email: emailFlags(false) });
export const PreferencesBody = Type.Object({ email: emailFlags(true) }, { additionalProperties: false });
