import type { Clock } from '../../platform/clock.js';
import type { ContentSources } from '../../platform/content-sources.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, decodeTimeCursor, encodeCursor } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { ModeratedItem, Moderation } from '../../platform/moderation.js';
import { type LivePorts, presentMessage, presentPin, presentRooms } from './present.js';
import * as q from './queries.js';
import { refuse, roomNotFound } from './reasons.js';
import {
  chatOpen,
  creditsHost,
  isHlsUrl,
  mayHost,
  offsetMs,
  ROOM_ACTIONS,
  ROOM_LISTS,
  type RoomAction,
  type RoomList,
  readsAnyStats,
  roomMachine,
  streamOriginAllowed,
} from './rules.js';
import type { CreateRoom, Message, Pin, Room, Stats } from './schemas.js';

export interface LiveDeps extends LivePorts {
  db: Database;
  clock: Clock;
  moderation: Moderation;
  /** The host's own uploaded video by id (the uploads module's), or null. */
  videoOf(conn: Queryable, ownerId: string, videoId: string): Promise<{ url: string } | null>;
  /** Paid orders placed from the room and their totals less refunds (the orders module's). */
  salesOf(conn: Queryable, roomId: string): Promise<{ orders: number; gmv: number }>;
  /** The https origins a `streamUrl` may be on (LIVE_STREAM_ORIGINS); the page's policy allows the same. */
  streamOrigins: readonly string[];
  /** Told when a viewer opens a room's stream (analytics' event log, buffered); `viewerKey` as recorded. */
  onJoined?: (join: { roomId: string; viewerKey: string }) => void;
}

interface Person {
  id: string;
  roles: readonly string[];
}

// A stream that stopped reporting for this long no longer counts as watching.
export const PRESENCE_TTL_MS = 15_000;

/** An id cursor (lists in id order): what the server issued, or a 400. */
function idCursor(cursor: string | undefined): string | null {
  const key = decodeCursor(cursor);
  if (key === undefined) return null;
  if (key.length !== 1 || typeof key[0] !== 'string')
    throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
  return key[0];
}

const PREVIEW = 280;

export type LiveService = ReturnType<typeof createLiveService>;

/**
 * Live rooms: a host schedules a session, starts it, pins products during it and ends it; viewers
 * chat. Each change a viewer must see is appended to the room's event log in the change's own
 * transaction (see queries.appendEvent), which the streams of every process read.
 */
export function createLiveService(deps: LiveDeps) {
  const { db, clock, moderation } = deps;
  const present = async (conn: Queryable, row: q.RoomRow) =>
    (await presentRooms(conn, deps, [row]))[0] as Room;

  async function schedule(host: Person, body: CreateRoom): Promise<Room> {
    if (!mayHost(host.roles))
      throw refuse('live_host_role_required', undefined, 'Only shopkeepers host live rooms');
    if ((body.streamUrl === undefined) === (body.videoId === undefined))
      throw refuse('live_source_required', undefined, 'Give a stream URL or a video, one of them');
    if (body.streamUrl !== undefined && !isHlsUrl(body.streamUrl))
      throw refuse('live_stream_url_invalid', undefined, 'The stream URL must be an https .m3u8 playlist');
    if (body.streamUrl !== undefined && !streamOriginAllowed(body.streamUrl, deps.streamOrigins)) {
      const origin = new URL(body.streamUrl).origin;
      throw refuse(
        'live_stream_origin_not_allowed',
        { origin },
        `This shop does not play streams from ${origin}`,
      );
    }
    const startsAt = new Date(body.startsAt);
    // A minute of slack: a host who picks "now" has already passed it when the request lands.
    if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() < clock.now().getTime() - 60_000)
      throw refuse('live_starts_in_past', undefined, 'The session must start from now on');
    const video = body.videoId === undefined ? null : await deps.videoOf(db, host.id, body.videoId);
    if (body.videoId !== undefined && !video)
      throw refuse('live_video_not_found', { videoId: body.videoId }, 'No such video of yours');
    const row = await q.insertRoom(db, {
      id: newId(),
      host_id: host.id,
      title: body.title,
      description: body.description ?? '',
      starts_at: startsAt,
      stream_url: body.streamUrl ?? null,
      video_id: body.videoId ?? null,
      video_url: video?.url ?? null,
      status: 'scheduled',
      created_at: clock.now(),
    });
    return present(db, row);
  }

  async function get(id: string): Promise<Room> {
    const row = await q.findRoom(db, id);
    if (!row) throw roomNotFound(id);
    return present(db, row);
  }

  async function list(kind: RoomList, limit: number, cursor?: string) {
    const order = kind === 'upcoming' ? 'starts_asc' : 'recent_desc';
    const after = decodeTimeCursor(cursor);
    const position = after ? { at: new Date(after.at), id: after.id } : null;
    const rows = await q.listRooms(db, ROOM_LISTS[kind], order, position, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const at = (r: q.RoomRow) =>
      order === 'starts_asc' ? r.starts_at : (r.ended_at ?? r.started_at ?? r.starts_at);
    return {
      items: await presentRooms(db, deps, page),
      nextCursor: rows.length > limit && last ? encodeCursor([at(last).toISOString(), last.id]) : null,
    };
  }

  async function hosted(hostId: string | null, limit: number, cursor?: string) {
    const after = idCursor(cursor);
    const rows = hostId
      ? await q.hostedBy(db, hostId, after, limit + 1)
      : await q.allRooms(db, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await presentRooms(db, deps, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  /** Runs `work` on the host's room under its lock; someone else's room is not found. */
  async function asHost<T>(hostId: string, id: string, work: (tx: Tx, room: q.RoomRow) => Promise<T>) {
    return db.transaction(async (tx) => {
      const room = await q.lockHostedRoom(tx, id, hostId);
      if (!room) throw roomNotFound(id);
      return work(tx, room);
    });
  }

  async function act(hostId: string, id: string, action: RoomAction): Promise<Room> {
    const to = ROOM_ACTIONS[action];
    const row = await asHost(hostId, id, async (tx, room) => {
      roomMachine.assertTransition(room.status, to);
      const now = clock.now();
      // Ending takes the pin off at the end, so a replay stops showing it there.
      if (to === 'ended') {
        const pin = await q.currentPin(tx, id);
        if (pin) await q.unpin(tx, pin.id, now, offsetMs(room.started_at, now));
      }
      const moved = (await q.moveRoom(tx, id, to, now)) as q.RoomRow;
      await q.appendEvent(
        tx,
        id,
        'state',
        {
          status: moved.status,
          startedAt: moved.started_at?.toISOString() ?? null,
          endedAt: moved.ended_at?.toISOString() ?? null,
        },
        now,
      );
      return moved;
    });
    return present(db, row);
  }

  function assertLive(room: q.RoomRow) {
    if (room.status !== 'live')
      throw refuse('live_room_not_live', { id: room.id, status: room.status }, 'The session is not live');
  }

  /** Pins a product now; the one pinned before comes off at the same moment. */
  async function pin(hostId: string, id: string, productId: string): Promise<Pin> {
    const [product] = await deps.products([productId]);
    return asHost(hostId, id, async (tx, room) => {
      assertLive(room);
      if (!product) throw refuse('live_product_not_found', { productId }, 'No such product on sale');
      const now = clock.now();
      const at = offsetMs(room.started_at, now);
      const before = await q.currentPin(tx, id);
      if (before) {
        await q.unpin(tx, before.id, now, at);
        await q.appendEvent(tx, id, 'unpin', { pinId: before.id, untilMs: at }, now);
      }
      const row = await q.insertPin(tx, {
        id: newId(),
        room_id: id,
        product_id: productId,
        pinned_at: now,
        at_ms: at,
      });
      const pinned = presentPin(row, new Map([[product.id, product]]));
      await q.appendEvent(tx, id, 'pin', pinned, now);
      return pinned;
    });
  }

  async function unpin(hostId: string, id: string): Promise<Room> {
    const row = await asHost(hostId, id, async (tx, room) => {
      assertLive(room);
      const current = await q.currentPin(tx, id);
      if (!current) throw refuse('live_nothing_pinned', undefined, 'Nothing is pinned');
      const now = clock.now();
      const untilMs = offsetMs(room.started_at, now);
      await q.unpin(tx, current.id, now, untilMs);
      await q.appendEvent(tx, id, 'unpin', { pinId: current.id, untilMs }, now);
      return room;
    });
    return present(db, row);
  }

  async function clickPin(id: string, pinId: string): Promise<void> {
    if (!(await q.countClick(db, id, pinId))) throw refuse('live_pin_not_found', { pinId }, 'No such pin');
  }

  async function post(author: { id: string; name: string }, id: string, body: string): Promise<Message> {
    return db.transaction(async (tx) => {
      await moderation.assertMayPost(tx, author.id);
      const room = await q.lockRoom(tx, id);
      if (!room) throw roomNotFound(id);
      if (!chatOpen(room.status)) throw refuse('live_chat_closed', { status: room.status }, 'Chat is closed');
      const now = clock.now();
      const row = await q.insertMessage(tx, {
        id: newId(),
        room_id: id,
        author_id: author.id,
        body,
        at_ms: offsetMs(room.started_at, now),
        created_at: now,
      });
      const message = presentMessage(row, new Map([[author.id, author.name]]));
      await q.appendEvent(tx, id, 'message', message, now, row.id);
      return message;
    });
  }

  async function messages(id: string, limit: number, cursor?: string) {
    if (!(await q.findRoom(db, id))) throw roomNotFound(id);
    const rows = await q.visibleMessages(db, id, idCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const names = await deps.names(db, [...new Set(page.map((r) => r.author_id))]);
    return {
      items: page.map((r) => presentMessage(r, names)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  /** The host's figures (staff may read any room's); others get 404. */
  async function stats(viewer: Person, id: string): Promise<Stats> {
    const room = await q.findRoom(db, id);
    if (!room || (room.host_id !== viewer.id && !readsAnyStats(viewer.roles))) throw roomNotFound(id);
    const counts = await q.roomCounts(db, id, new Date(clock.now().getTime() - PRESENCE_TTL_MS));
    const pins = await q.pinsOf(db, [id]);
    const sales = await deps.salesOf(db, id);
    return {
      roomId: id,
      status: room.status,
      viewers: { now: counts.now, peak: Math.max(room.peak_viewers, counts.now), total: counts.total },
      messages: counts.messages,
      pinClicks: counts.clicks,
      orders: sales.orders,
      gmv: sales.gmv,
      pins: pins.map((p) => ({ pinId: p.id, productId: p.product_id, clicks: p.clicks })),
    };
  }

  /** Whom a sale through the room credits: its host, while live or once it has a replay. */
  async function hostForSale(conn: Queryable, id: string): Promise<string | undefined> {
    const room = await q.findRoom(conn, id);
    return room && creditsHost(room.status) ? room.host_id : undefined;
  }

  const chatMessages = {
    async describe(conn: Queryable, ids: readonly string[]) {
      const rows = await q.messagesByIds(conn, ids);
      return new Map<string, ModeratedItem>(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            authorId: r.author_id,
            text: r.body.slice(0, PREVIEW),
            createdAt: r.created_at,
            hidden: r.hidden,
            link: `/live/${r.room_id}`,
          },
        ]),
      );
    },
    /** Hiding tells open streams to drop the message; restoring sends it again. */
    async setHidden(tx: Tx, id: string, hidden: boolean, reason: string | null) {
      const row = await q.setMessageHidden(tx, id, hidden, reason);
      if (!row) return false;
      const now = clock.now();
      if (hidden) await q.appendEvent(tx, row.room_id, 'hide', { messageId: id }, now);
      else {
        const names = await deps.names(tx, [row.author_id]);
        await q.appendEvent(tx, row.room_id, 'message', presentMessage(row, names), now, id);
      }
      return true;
    },
  };

  /** Registers chat messages with moderation and rooms as a source of sales. */
  function register(registries: { moderation: Moderation; contentSources?: ContentSources }) {
    registries.moderation.register('chat_message', chatMessages);
    registries.contentSources?.register('live', hostForSale);
  }

  /** Every event after `after`, for a stream that ends once sent (a replay's). */
  async function backlog(id: string, after: number) {
    const events: q.EventRow[] = [];
    for (let from = after; ; ) {
      const batch = await q.eventsAfter(db, id, from, 500);
      events.push(...batch);
      if (batch.length < 500) return events;
      from = (batch[batch.length - 1] as q.EventRow).seq;
    }
  }

  async function recordViewer(roomId: string, key: string) {
    await q.recordViewer(db, roomId, key, clock.now());
    deps.onJoined?.({ roomId, viewerKey: key });
  }

  return {
    backlog,
    recordViewer,
    schedule,
    get,
    list,
    hosted,
    act,
    pin,
    unpin,
    clickPin,
    post,
    messages,
    stats,
    hostForSale,
    chatMessages,
    register,
  };
}
