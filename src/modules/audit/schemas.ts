import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schemas.js';
import { RETENTION_DAYS } from './rules.js';

const Fields = Nullable(
  Type.Record(Type.String(), Type.Unknown(), {
    description:
      'The fields that changed, by name (money in minor units); null before a creation or after a removal',
  }),
);

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String(),
    at: Type.String({ format: 'date-time' }),
    actor: Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      email: Nullable(Type.String()),
      role: Type.String({ description: 'The role the actor acted with, e.g. admin' }),
    }),
    action: Type.String({ description: '`<target>.<verb>`, e.g. product.update, withdrawal.approve' }),
    target: Type.Object({ type: Type.String(), id: Type.String() }),
    before: Fields,
    after: Fields,
    requestId: Type.String({ description: 'The x-request-id of the request that made the change' }),
  },
  { additionalProperties: false },
);
export type AuditEntryView = Static<typeof AuditEntrySchema>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntrySchema),
  nextCursor: Nullable(Type.String()),
});

const Day = (description: string) => Type.Optional(Type.String({ format: 'date', description }));

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The actor’s user id' })),
    action: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 80,
        pattern: '^[a-z0-9_.-]+$',
        description: 'An action (product.update) or its prefix up to a dot (product)',
      }),
    ),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_-]+$' })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Day('First UTC day, inclusive'),
    to: Day('Last UTC day, inclusive'),
    ...pageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditSettingsSchema = Type.Object(
  {
    retentionDays: Type.Integer({
      minimum: RETENTION_DAYS.min,
      maximum: RETENTION_DAYS.max,
      description: 'Days an entry is kept; older entries are purged daily',
    }),
  },
  { additionalProperties: false },
);
export type AuditSettings = Static<typeof AuditSettingsSchema>;
