import type { Queryable } from '../../platform/db.js';
import type { TargetType } from './rules.js';

export interface LinkRow {
  code: string;
  owner_id: string;
  target_type: TargetType;
  target_id: string;
  created_at: Date;
}

export interface ClickRow {
  code: string;
  clickedAt: Date;
  deviceId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface LinkStatsRow {
  code: string;
  clicks: number;
  orders: number;
  gmv: number;
}

export const findLink = async (db: Queryable, code: string) =>
  (await db.query<LinkRow>('SELECT * FROM share_links WHERE code = $1', [code]))[0];

export const findOwnLink = async (db: Queryable, ownerId: string, type: TargetType, targetId: string) =>
  (
    await db.query<LinkRow>(
      'SELECT * FROM share_links WHERE owner_id = $1 AND target_type = $2 AND target_id = $3',
      [ownerId, type, targetId],
    )
  )[0];

/** Inserts the link unless this owner already has one for the target; undefined when not inserted. */
export const insertLink = async (db: Queryable, link: LinkRow) =>
  (
    await db.query<LinkRow>(
      `INSERT INTO share_links (code, owner_id, target_type, target_id, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner_id, target_type, target_id) DO NOTHING
       RETURNING *`,
      [link.code, link.owner_id, link.target_type, link.target_id, link.created_at],
    )
  )[0];

/** An owner's links, newest first; keyset pagination on (created_at, code). */
export function listOwnLinks(
  db: Queryable,
  f: { ownerId: string; before?: { createdAt: string; code: string }; limit: number },
) {
  const params: unknown[] = [f.ownerId, f.limit + 1];
  let after = '';
  if (f.before) {
    params.push(f.before.createdAt, f.before.code);
    after = 'AND (created_at, code) < ($3::timestamptz, $4)';
  }
  return db.query<LinkRow>(
    `SELECT * FROM share_links WHERE owner_id = $1 ${after}
     ORDER BY created_at DESC, code DESC LIMIT $2`,
    params,
  );
}

/**
 * Clicks recorded so far, and orders placed through each code that were paid (paid or completed;
 * refunded and cancelled orders do not count) with their total as GMV.
 */
export function statsOf(db: Queryable, codes: readonly string[]) {
  return db.query<LinkStatsRow>(
    `SELECT c.code,
       (SELECT count(*) FROM share_clicks k WHERE k.code = c.code)::bigint AS clicks,
       (SELECT count(*) FROM orders o WHERE o.share_code = c.code AND o.status IN ('paid', 'completed'))::bigint AS orders,
       (SELECT COALESCE(sum(o.total), 0) FROM orders o
          WHERE o.share_code = c.code AND o.status IN ('paid', 'completed'))::bigint AS gmv
     FROM unnest($1::text[]) AS c(code)`,
    [codes],
  );
}

/** One statement for a whole batch of clicks, however many rows: five array parameters. */
export async function insertClicks(db: Queryable, clicks: readonly ClickRow[]) {
  await db.query(
    `INSERT INTO share_clicks (code, clicked_at, device_id, ip, user_agent)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])`,
    [
      clicks.map((c) => c.code),
      clicks.map((c) => c.clickedAt.toISOString()),
      clicks.map((c) => c.deviceId),
      clicks.map((c) => c.ip),
      clicks.map((c) => c.userAgent),
    ],
  );
}

/**
 * Different people who opened an owner's links since `since`: distinct device ids in the click log,
 * leaving out `ownDevices` (the owner's own phone opening their own link). Clicks without a device
 * id do not count: they cannot be told apart.
 */
export async function distinctVisitors(
  conn: Queryable,
  f: { ownerId: string; since: Date; ownDevices: readonly string[] },
): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(DISTINCT k.device_id)::bigint AS n
     FROM share_links l JOIN share_clicks k ON k.code = l.code
     WHERE l.owner_id = $1 AND k.clicked_at >= $2 AND k.device_id IS NOT NULL AND k.device_id <> ''
       AND k.device_id <> ALL ($3::text[])`,
    [f.ownerId, f.since, f.ownDevices],
  );
  return row?.n ?? 0;
}
