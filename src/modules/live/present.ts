import type { Queryable } from '../../platform/db.js';
import type { MessageRow, PinRow, RoomRow } from './queries.js';
import * as q from './queries.js';

import type { Message, Pin, Room } from './schemas.js';

export interface PinnedProductView {
  id: string;
  title: string;
  price: number;
  image: string | null;
}

/** What the live module reads of other modules, as the composition root provides it. */
export interface LivePorts {
  /** Products on sale by id (unknown and archived ones left out), for pins. */
  products(ids: readonly string[]): Promise<PinnedProductView[]>;
  /** Display names by user id. */
  names(conn: Queryable, ids: readonly string[]): Promise<Map<string, string>>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentPin(row: PinRow, products: Map<string, PinnedProductView>): Pin {
  return {
    id: row.id,
    productId: row.product_id,
    product: products.get(row.product_id) ?? null,
    atMs: Number(row.at_ms),
    untilMs: row.until_ms === null ? null : Number(row.until_ms),
    pinnedAt: row.pinned_at.toISOString(),
    unpinnedAt: iso(row.unpinned_at),
  };
}

export const presentMessage = (row: MessageRow, names: Map<string, string>): Message => ({
  id: row.id,
  body: row.body,
  author: { id: row.author_id, name: names.get(row.author_id) ?? '' },
  atMs: Number(row.at_ms),
  createdAt: row.created_at.toISOString(),
});

/** Rooms with their hosts and pins, in two reads whatever the number of rooms. */
export async function presentRooms(
  conn: Queryable,
  ports: LivePorts,
  rows: readonly RoomRow[],
): Promise<Room[]> {
  if (rows.length === 0) return [];
  const pins = await q.pinsOf(
    conn,
    rows.map((r) => r.id),
  );
  const products = new Map(
    (await ports.products([...new Set(pins.map((p) => p.product_id))])).map((p) => [p.id, p]),
  );
  const names = await ports.names(conn, [...new Set(rows.map((r) => r.host_id))]);
  return rows.map((row) => {
    const own = pins.filter((p) => p.room_id === row.id).map((p) => presentPin(p, products));
    const current = own.find((p) => p.unpinnedAt === null) ?? null;
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      startsAt: row.starts_at.toISOString(),
      startedAt: iso(row.started_at),
      endedAt: iso(row.ended_at),
      streamUrl: row.stream_url,
      videoUrl: row.video_url,
      host: { id: row.host_id, name: names.get(row.host_id) ?? '' },
      currentPin: row.status === 'live' ? current : null,
      pins: own,
      createdAt: row.created_at.toISOString(),
    };
  });
}
