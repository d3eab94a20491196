import type { Queryable } from '../../platform/db.js';

/**
 * Different people who opened a sharer's links since `since`: distinct device ids in the click log,
 * leaving out devices the sharer was seen signed in on (their own phone opening their own link).
 * Clicks without a device id do not count: they cannot be told apart.
 *
 * It reads the sharing module's click log and distribution's device sightings, read-only; this is
 * the one place that knows those tables, so it can move behind the sharing service unchanged.
 */
export async function countShareVisitors(conn: Queryable, sharerId: string, since: Date): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(DISTINCT k.device_id)::bigint AS n
     FROM share_links l JOIN share_clicks k ON k.code = l.code
     WHERE l.owner_id = $1 AND k.clicked_at >= $2 AND k.device_id IS NOT NULL AND k.device_id <> ''
       AND NOT EXISTS (SELECT 1 FROM device_sightings s WHERE s.user_id = $1 AND s.device_id = k.device_id)`,
    [sharerId, since],
  );
  return row?.n ?? 0;
}
