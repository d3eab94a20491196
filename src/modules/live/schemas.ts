import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Time = Type.String({ format: 'date-time' });

export const RoomStatusSchema = Type.Union(
  [Type.Literal('scheduled'), Type.Literal('live'), Type.Literal('ended'), Type.Literal('cancelled')],
  { description: 'scheduled → live → ended; a scheduled room may be cancelled' },
);

export const PinnedProduct = Type.Object({
  id: Type.String(),
  title: Type.String(),
  price: Type.Integer({ description: 'the lowest variant price, minor units' }),
  image: Nullable(Type.String()),
});

export const PinSchema = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  product: Nullable(PinnedProduct),
  atMs: Type.Integer({ description: 'when it was pinned, in ms from the session’s start' }),
  untilMs: Nullable(
    Type.Integer({ description: 'when it was unpinned, in ms from the start; null while it shows' }),
  ),
  pinnedAt: Time,
  unpinnedAt: Nullable(Time),
});

export const HostSchema = Type.Object({ id: Type.String(), name: Type.String() });

export const RoomSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: RoomStatusSchema,
  startsAt: Time,
  startedAt: Nullable(Time),
  endedAt: Nullable(Time),
  streamUrl: Nullable(Type.String({ description: 'an HLS playlist (https, .m3u8)' })),
  videoUrl: Nullable(Type.String({ description: 'an uploaded video (MP4 or WebM)' })),
  host: HostSchema,
  currentPin: Nullable(PinSchema),
  pins: Type.Array(PinSchema, {
    description: 'every pin of the session, in time order: a replay shows each at its time',
  }),
  createdAt: Time,
});

export const RoomPage = Type.Object({ items: Type.Array(RoomSchema), nextCursor: Nullable(Type.String()) });

export const CreateRoomBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    startsAt: Type.String({ format: 'date-time' }),
    streamUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    videoId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('upcoming'), Type.Literal('live'), Type.Literal('replays')], {
        description:
          'upcoming (scheduled, soonest first), live, or replays (ended, newest first); default live',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const RoomParams = Type.Object({ id: Id });
export const PinParams = Type.Object({ id: Id, pinId: Id });

export const PinBody = Type.Object({ productId: Id }, { additionalProperties: false });

export const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);

export const MessageSchema = Type.Object({
  id: Type.String(),
  body: Type.String({ description: 'as typed; render it escaped' }),
  author: HostSchema,
  atMs: Type.Integer({ description: 'when it was sent, in ms from the session’s start (0 before it)' }),
  createdAt: Time,
});

export const MessagePage = Type.Object({
  items: Type.Array(MessageSchema),
  nextCursor: Nullable(Type.String()),
});

export const EventsQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })) },
  { additionalProperties: false },
);

export const StatsSchema = Type.Object({
  roomId: Type.String(),
  status: RoomStatusSchema,
  viewers: Type.Object({
    now: Type.Integer({ description: 'open streams now, over every process' }),
    peak: Type.Integer({ description: 'the most open streams at once' }),
    total: Type.Integer({ description: 'distinct people (or devices) who watched' }),
  }),
  messages: Type.Integer({ description: 'chat messages, hidden ones included' }),
  pinClicks: Type.Integer(),
  orders: Type.Integer({ description: 'paid orders placed from the room' }),
  gmv: Type.Integer({ description: 'their paid totals less refunds, minor units' }),
  pins: Type.Array(Type.Object({ pinId: Type.String(), productId: Type.String(), clicks: Type.Integer() })),
});

export type Room = Static<typeof RoomSchema>;
export type Pin = Static<typeof PinSchema>;
export type Message = Static<typeof MessageSchema>;
export type Stats = Static<typeof StatsSchema>;
export type CreateRoom = Static<typeof CreateRoomBody>;
