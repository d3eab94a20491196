import type { Queryable, Tx } from '../../platform/db.js';
import { type RoomStatus, roomMachine } from './rules.js';

export interface RoomRow {
  id: string;
  host_id: string;
  title: string;
  description: string;
  starts_at: Date;
  stream_url: string | null;
  video_id: string | null;
  video_url: string | null;
  status: RoomStatus;
  started_at: Date | null;
  ended_at: Date | null;
  last_seq: number;
  peak_viewers: number;
  created_at: Date;
}

export interface PinRow {
  id: string;
  room_id: string;
  product_id: string;
  pinned_at: Date;
  at_ms: number;
  unpinned_at: Date | null;
  until_ms: number | null;
  clicks: number;
}

export interface MessageRow {
  id: string;
  room_id: string;
  author_id: string;
  body: string;
  at_ms: number;
  hidden: boolean;
  created_at: Date;
}

export interface EventRow {
  seq: number;
  type: 'message' | 'pin' | 'unpin' | 'state' | 'hide';
  data: unknown;
}

export async function insertRoom(
  conn: Queryable,
  row: Omit<RoomRow, 'last_seq' | 'peak_viewers' | 'started_at' | 'ended_at'>,
) {
  const [inserted] = await conn.query<RoomRow>(
    `INSERT INTO live_rooms (id, host_id, title, description, starts_at, stream_url, video_id, video_url, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      row.id,
      row.host_id,
      row.title,
      row.description,
      row.starts_at,
      row.stream_url,
      row.video_id,
      row.video_url,
      row.status,
      row.created_at,
    ],
  );
  return inserted as RoomRow;
}

export async function findRoom(conn: Queryable, id: string): Promise<RoomRow | undefined> {
  const [row] = await conn.query<RoomRow>('SELECT * FROM live_rooms WHERE id = $1', [id]);
  return row;
}

/** The host's room under its row lock: every change of a room (and its event numbers) goes one at a time. */
export async function lockHostedRoom(tx: Tx, id: string, hostId: string): Promise<RoomRow | undefined> {
  const [row] = await tx.query<RoomRow>(
    'SELECT * FROM live_rooms WHERE id = $1 AND host_id = $2 FOR UPDATE',
    [id, hostId],
  );
  return row;
}

/** Moves the room to `to` from a state the machine allows; undefined when it was in none of them. */
export async function moveRoom(tx: Tx, id: string, to: RoomStatus, at: Date): Promise<RoomRow | undefined> {
  const [row] = await tx.query<RoomRow>(
    `UPDATE live_rooms SET status = $2,
       started_at = CASE WHEN $2 = 'live' THEN $3 ELSE started_at END,
       ended_at = CASE WHEN $2 IN ('ended', 'cancelled') THEN $3 ELSE ended_at END
     WHERE id = $1 AND status = ANY($4) RETURNING *`,
    [id, to, at, roomMachine.fromStates(to)],
  );
  return row;
}

/**
 * Appends an event for the room's streams. The room's row is locked by the UPDATE until commit,
 * so events of one room commit in the order of their numbers: a reader of "after N" in any
 * process never sees N+2 before N+1 exists.
 */
export async function appendEvent(
  tx: Tx,
  roomId: string,
  type: EventRow['type'],
  data: unknown,
  at: Date,
  messageId: string | null = null,
): Promise<number> {
  const [row] = await tx.query<{ last_seq: number }>(
    'UPDATE live_rooms SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
    [roomId],
  );
  const seq = (row as { last_seq: number }).last_seq;
  await tx.query(
    'INSERT INTO live_room_events (room_id, seq, type, message_id, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [roomId, seq, type, messageId, JSON.stringify(data), at],
  );
  return seq;
}

/** Events after `after`, oldest first, without messages hidden since (a catch-up never shows them). */
export const eventsAfter = (conn: Queryable, roomId: string, after: number, limit: number) =>
  conn.query<EventRow>(
    `SELECT e.seq, e.type, e.data FROM live_room_events e
       LEFT JOIN live_messages m ON m.id = e.message_id
     WHERE e.room_id = $1 AND e.seq > $2 AND NOT (e.type = 'message' AND coalesce(m.hidden, false))
     ORDER BY e.seq LIMIT $3`,
    [roomId, after, limit],
  );

export const pinsOf = (conn: Queryable, roomIds: readonly string[]) =>
  conn.query<PinRow>('SELECT * FROM live_pins WHERE room_id = ANY($1) ORDER BY at_ms, pinned_at, id', [
    roomIds,
  ]);

export async function currentPin(tx: Queryable, roomId: string): Promise<PinRow | undefined> {
  const [row] = await tx.query<PinRow>('SELECT * FROM live_pins WHERE room_id = $1 AND unpinned_at IS NULL', [
    roomId,
  ]);
  return row;
}

export async function insertPin(tx: Tx, row: Omit<PinRow, 'unpinned_at' | 'until_ms' | 'clicks'>) {
  const [inserted] = await tx.query<PinRow>(
    `INSERT INTO live_pins (id, room_id, product_id, pinned_at, at_ms) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [row.id, row.room_id, row.product_id, row.pinned_at, row.at_ms],
  );
  return inserted as PinRow;
}

export async function unpin(tx: Tx, pinId: string, at: Date, untilMs: number): Promise<PinRow> {
  const [row] = await tx.query<PinRow>(
    'UPDATE live_pins SET unpinned_at = $2, until_ms = GREATEST(at_ms, $3) WHERE id = $1 RETURNING *',
    [pinId, at, untilMs],
  );
  return row as PinRow;
}

export async function countClick(conn: Queryable, roomId: string, pinId: string): Promise<boolean> {
  const rows = await conn.query(
    'UPDATE live_pins SET clicks = clicks + 1 WHERE id = $1 AND room_id = $2 RETURNING id',
    [pinId, roomId],
  );
  return rows.length > 0;
}

export async function insertMessage(tx: Tx, row: Omit<MessageRow, 'hidden'>) {
  const [inserted] = await tx.query<MessageRow>(
    `INSERT INTO live_messages (id, room_id, author_id, body, at_ms, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [row.id, row.room_id, row.author_id, row.body, row.at_ms, row.created_at],
  );
  return inserted as MessageRow;
}

/** Visible messages of the room after the cursor (an id), oldest first. */
export const visibleMessages = (conn: Queryable, roomId: string, after: string | null, limit: number) =>
  conn.query<MessageRow>(
    `SELECT * FROM live_messages WHERE room_id = $1 AND NOT hidden AND ($2::text IS NULL OR id > $2)
     ORDER BY id LIMIT $3`,
    [roomId, after, limit],
  );

export const messagesByIds = (conn: Queryable, ids: readonly string[]) =>
  conn.query<MessageRow>('SELECT * FROM live_messages WHERE id = ANY($1)', [ids]);

export async function setMessageHidden(tx: Tx, id: string, hidden: boolean, reason: string | null) {
  const [row] = await tx.query<MessageRow>(
    'UPDATE live_messages SET hidden = $2, hidden_reason = $3 WHERE id = $1 RETURNING *',
    [id, hidden, hidden ? reason : null],
  );
  return row;
}

export async function lockRoom(tx: Tx, id: string): Promise<RoomRow | undefined> {
  const [row] = await tx.query<RoomRow>('SELECT * FROM live_rooms WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** Rooms in the given states: upcoming soonest first, others newest first; keyset on (time, id). */
export async function listRooms(
  conn: Queryable,
  statuses: readonly RoomStatus[],
  order: 'starts_asc' | 'recent_desc',
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<RoomRow[]> {
  if (order === 'starts_asc')
    return conn.query<RoomRow>(
      `SELECT * FROM live_rooms WHERE status = ANY($1) AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2, $3))
       ORDER BY starts_at, id LIMIT $4`,
      [statuses, after?.at ?? null, after?.id ?? '', limit],
    );
  return conn.query<RoomRow>(
    `SELECT * FROM live_rooms WHERE status = ANY($1)
       AND ($2::timestamptz IS NULL OR (coalesce(ended_at, started_at, starts_at), id) < ($2, $3))
     ORDER BY coalesce(ended_at, started_at, starts_at) DESC, id DESC LIMIT $4`,
    [statuses, after?.at ?? null, after?.id ?? '', limit],
  );
}

export const hostedBy = (conn: Queryable, hostId: string, after: string | null, limit: number) =>
  conn.query<RoomRow>(
    'SELECT * FROM live_rooms WHERE host_id = $1 AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3',
    [hostId, after, limit],
  );

export const allRooms = (conn: Queryable, after: string | null, limit: number) =>
  conn.query<RoomRow>(
    'SELECT * FROM live_rooms WHERE ($1::text IS NULL OR id < $1) ORDER BY id DESC LIMIT $2',
    [after, limit],
  );

export async function recordViewer(conn: Queryable, roomId: string, key: string, at: Date) {
  await conn.query(
    'INSERT INTO live_viewers (room_id, viewer_key, first_seen) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [roomId, key, at],
  );
}

/** This process's open streams of the room; then the room's peak is raised to the sum over live processes. */
export async function reportPresence(
  conn: Queryable,
  roomId: string,
  processId: string,
  streams: number,
  at: Date,
  freshSince: Date,
) {
  await conn.query(
    `INSERT INTO live_presence (room_id, process_id, streams, seen_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (room_id, process_id) DO UPDATE SET streams = EXCLUDED.streams, seen_at = EXCLUDED.seen_at`,
    [roomId, processId, streams, at],
  );
  await conn.query(
    `UPDATE live_rooms SET peak_viewers = GREATEST(peak_viewers,
       (SELECT coalesce(sum(streams), 0) FROM live_presence WHERE room_id = $1 AND seen_at >= $2))
     WHERE id = $1`,
    [roomId, freshSince],
  );
}

export async function roomCounts(conn: Queryable, roomId: string, freshSince: Date) {
  const [row] = await conn.query<{ now: number; total: number; messages: number; clicks: number }>(
    `SELECT
       (SELECT coalesce(sum(streams), 0)::int FROM live_presence WHERE room_id = $1 AND seen_at >= $2) AS now,
       (SELECT count(*)::int FROM live_viewers WHERE room_id = $1) AS total,
       (SELECT count(*)::int FROM live_messages WHERE room_id = $1) AS messages,
       (SELECT coalesce(sum(clicks), 0)::int FROM live_pins WHERE room_id = $1) AS clicks`,
    [roomId, freshSince],
  );
  return row as { now: number; total: number; messages: number; clicks: number };
}
