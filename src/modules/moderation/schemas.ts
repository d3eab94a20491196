import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { MODERATED_TYPES } from '../../platform/moderation.js';
import { MAX_BAN_DAYS, REPORT_REASONS, REPORT_STATUSES } from './rules.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const ItemType = Type.Enum(MODERATED_TYPES, {
  description: 'What is reported: a post, a comment, a live chat message or a review.',
});
const Reason = Type.Enum(REPORT_REASONS, {
  description:
    'spam, abuse (harassment, hate), fake (a fake or misleading review or claim), inappropriate, other.',
});
const Status = Type.Enum(REPORT_STATUSES);

export const ReportBody = Type.Object(
  {
    type: ItemType,
    id: Id,
    reason: Reason,
    note: Type.Optional(
      Type.String({ maxLength: 500, description: 'What the reporter adds, for the operator.' }),
    ),
  },
  { additionalProperties: false },
);

export const ReportSchema = Type.Object({
  id: Type.String(),
  type: ItemType,
  itemId: Type.String(),
  reason: Reason,
  note: Nullable(Type.String()),
  status: Status,
  createdAt: Type.String({ format: 'date-time' }),
});

export const ItemParams = Type.Object({ type: ItemType, id: Id });
export const IdParams = Type.Object({ id: Id });

export const QueueQuery = Type.Object(
  {
    ...pageQuery,
    status: Type.Optional(Status),
    type: Type.Optional(ItemType),
  },
  { additionalProperties: false },
);

/** An item of the queue: the reported content's preview (null when it is gone) and its reports. */
export const QueueEntrySchema = Type.Object({
  type: ItemType,
  id: Type.String(),
  item: Nullable(
    Type.Object({
      author: Type.Object({ id: Type.String(), name: Type.String() }),
      text: Type.String({ description: 'As typed: render it escaped.' }),
      createdAt: Type.String({ format: 'date-time' }),
      hidden: Type.Boolean(),
      link: Nullable(Type.String()),
    }),
  ),
  status: Status,
  reports: Type.Integer({ description: 'Reports of the item in this status.' }),
  reasons: Type.Array(Type.Object({ reason: Reason, count: Type.Integer() })),
  notes: Type.Array(Type.String(), { description: 'The latest reporters’ notes, at most five.' }),
  firstReportedAt: Type.String({ format: 'date-time' }),
  lastReportedAt: Type.String({ format: 'date-time' }),
});

export const QueuePage = Type.Object({
  items: Type.Array(QueueEntrySchema),
  nextCursor: Nullable(Type.String()),
});

export const DecisionBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const HideBody = Type.Object({ reason: NonBlankText(500) }, { additionalProperties: false });

export const BanBody = Type.Object(
  {
    userId: Id,
    days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_BAN_DAYS,
        description: 'Without it the ban lasts until lifted.',
      }),
    ),
    reason: NonBlankText(500),
  },
  { additionalProperties: false },
);

export const BanSchema = Type.Object({
  id: Type.String(),
  user: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  reason: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Nullable(Type.String({ format: 'date-time' })),
  liftedAt: Nullable(Type.String({ format: 'date-time' })),
  active: Type.Boolean(),
});

export const BansQuery = Type.Object(
  {
    ...pageQuery,
    active: Type.Optional(
      Type.Boolean({ description: 'Only bans in force (true) or only ended or lifted ones.' }),
    ),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const BanPage = Type.Object({ items: Type.Array(BanSchema), nextCursor: Nullable(Type.String()) });

export type ReportInput = Static<typeof ReportBody>;
export type Report = Static<typeof ReportSchema>;
export type QueueEntry = Static<typeof QueueEntrySchema>;
export type Ban = Static<typeof BanSchema>;
