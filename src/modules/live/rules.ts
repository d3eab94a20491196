import { defineMachine } from '../../platform/state-machine.js';

/**
 * Pure rules of live rooms: the session's states, where a pin sits in the session's time, which
 * rooms appear in which list, and what a stream URL may be.
 */

export const ROOM_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** scheduled → live → ended; a session that never started may be cancelled. */
export const roomMachine = defineMachine<RoomStatus>('live room', {
  scheduled: ['live', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: [],
});

/** What the host does, and the state it leads to. */
export const ROOM_ACTIONS = { start: 'live', end: 'ended', cancel: 'cancelled' } as const satisfies Record<
  string,
  RoomStatus
>;
export type RoomAction = keyof typeof ROOM_ACTIONS;

/** The lists viewers browse, and the states each shows. */
export const ROOM_LISTS: Readonly<Record<'upcoming' | 'live' | 'replays', readonly RoomStatus[]>> = {
  upcoming: ['scheduled'],
  live: ['live'],
  replays: ['ended'],
};
export type RoomList = keyof typeof ROOM_LISTS;

/** Pins and messages are placed in the session's time: milliseconds since it started (0 before). */
export const offsetMs = (startedAt: Date | null, at: Date): number =>
  startedAt ? Math.max(0, at.getTime() - startedAt.getTime()) : 0;

export interface TimedPin {
  atMs: number;
  /** When it was unpinned, in the session's time; null while it still shows. */
  untilMs: number | null;
}

/** The pin showing at `ms` of the session: the latest pinned at or before it and not yet taken off. */
export function pinAt<P extends TimedPin>(pins: readonly P[], ms: number): P | null {
  let showing: P | null = null;
  for (const pin of pins) {
    if (pin.atMs > ms || (pin.untilMs !== null && pin.untilMs <= ms)) continue;
    if (!showing || pin.atMs >= showing.atMs) showing = pin;
  }
  return showing;
}

/** A room's sales credit its host while it is live and once it has a replay (ended); never before or if cancelled. */
export const creditsHost = (status: RoomStatus) => status === 'live' || status === 'ended';

/** Chat is open before the session (viewers wait together) and during it; closed after. */
export const chatOpen = (status: RoomStatus) => status === 'scheduled' || status === 'live';

/** An HLS stream is played from an https URL whose path ends in `.m3u8` (query strings allowed). */
export function isHlsUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.pathname.toLowerCase().endsWith('.m3u8') &&
    !url.username &&
    !url.password
  );
}

/** Who may host: shopkeepers and operators. */
export const mayHost = (roles: readonly string[]) => roles.includes('shopkeeper') || roles.includes('admin');

/** Whether the stream URL (already an HLS URL) is on one of the origins the operator allows. */
export const streamOriginAllowed = (streamUrl: string, origins: readonly string[]) =>
  origins.includes(new URL(streamUrl).origin);

/**
 * Who may read any room's figures: operators and admins, the staff who see every room in the
 * console (`GET /api/admin/live-rooms`); its host reads their own.
 */
export const readsAnyStats = (roles: readonly string[]) =>
  roles.includes('admin') || roles.includes('operator');
