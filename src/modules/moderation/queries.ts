import type { Queryable } from '../../platform/db.js';
import type { ModeratedType } from '../../platform/moderation.js';
import type { ReportReason, ReportStatus } from './rules.js';

export interface ReportRow {
  id: string;
  item_type: ModeratedType;
  item_id: string;
  reporter_id: string;
  /** The item's author when reported (null on reports made before it was kept). */
  item_author_id: string | null;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface BanRow {
  id: string;
  user_id: string;
  reason: string;
  starts_at: Date;
  ends_at: Date | null;
  created_by: string;
  lifted_at: Date | null;
  lifted_by: string | null;
}

/**
 * The person's open report of the item, made now unless one exists: the partial unique index makes
 * a repeat (even two at once) find the first. `created` tells which.
 */
export async function openReport(
  conn: Queryable,
  row: Omit<ReportRow, 'status' | 'decided_at' | 'decided_by'>,
) {
  const inserted = await conn.query<ReportRow>(
    `INSERT INTO moderation_reports (id, item_type, item_id, reporter_id, item_author_id, reason, note, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (item_type, item_id, reporter_id) WHERE status = 'open' DO NOTHING RETURNING *`,
    [
      row.id,
      row.item_type,
      row.item_id,
      row.reporter_id,
      row.item_author_id,
      row.reason,
      row.note,
      row.created_at,
    ],
  );
  if (inserted[0]) return { report: inserted[0], created: true };
  const [existing] = await conn.query<ReportRow>(
    `SELECT * FROM moderation_reports WHERE item_type = $1 AND item_id = $2 AND reporter_id = $3 AND status = 'open'`,
    [row.item_type, row.item_id, row.reporter_id],
  );
  return { report: existing as ReportRow, created: false };
}

export interface QueueRow {
  item_type: ModeratedType;
  item_id: string;
  n: number;
  first_at: Date;
  last_at: Date;
  reasons: string[];
  notes: string[] | null;
}

const QUEUE = `SELECT item_type, item_id, count(*)::int AS n, min(created_at) AS first_at, max(created_at) AS last_at,
       array_agg(reason) AS reasons,
       (array_agg(note ORDER BY created_at DESC) FILTER (WHERE note IS NOT NULL AND note <> ''))[1:5] AS notes
     FROM moderation_reports`;

/** Reports in `status`, one row per item, the latest reported first. */
export function queue(
  conn: Queryable,
  filter: {
    status: ReportStatus;
    type?: ModeratedType;
    limit: number;
    after?: { at: string; type: string; id: string };
  },
) {
  return conn.query<QueueRow>(
    `${QUEUE} WHERE status = $1 AND ($2::text IS NULL OR item_type = $2)
     GROUP BY item_type, item_id
     HAVING $3::timestamptz IS NULL OR (max(created_at), item_type, item_id) < ($3::timestamptz, $4::text, $5::text)
     ORDER BY last_at DESC, item_type DESC, item_id DESC LIMIT $6`,
    [
      filter.status,
      filter.type ?? null,
      filter.after?.at ?? null,
      filter.after?.type ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
}

/** One item's reports in `status`, grouped as the queue shows them. */
export const queueEntry = async (conn: Queryable, type: ModeratedType, id: string, status: ReportStatus) =>
  (
    await conn.query<QueueRow>(
      `${QUEUE} WHERE status = $1 AND item_type = $2 AND item_id = $3 GROUP BY item_type, item_id`,
      [status, type, id],
    )
  )[0];

/** Closes the item's open reports with the operator's decision; how many it closed. */
export async function decide(
  conn: Queryable,
  type: ModeratedType,
  id: string,
  status: 'actioned' | 'dismissed',
  by: string,
  at: Date,
) {
  const rows = await conn.query(
    `UPDATE moderation_reports SET status = $3, decided_by = $4, decided_at = $5
     WHERE item_type = $1 AND item_id = $2 AND status = 'open' RETURNING id`,
    [type, id, status, by, at],
  );
  return rows.length;
}

export async function lastDecided(conn: Queryable, type: ModeratedType, id: string) {
  const [row] = await conn.query<{ status: ReportStatus }>(
    `SELECT status FROM moderation_reports WHERE item_type = $1 AND item_id = $2
     ORDER BY (status = 'open') DESC, decided_at DESC NULLS LAST LIMIT 1`,
    [type, id],
  );
  return row?.status;
}

export async function insertBan(conn: Queryable, ban: BanRow) {
  const [row] = await conn.query<BanRow>(
    `INSERT INTO moderation_bans (id, user_id, reason, starts_at, ends_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [ban.id, ban.user_id, ban.reason, ban.starts_at, ban.ends_at, ban.created_by],
  );
  return row as BanRow;
}

export const findBan = async (conn: Queryable, id: string) =>
  (await conn.query<BanRow>('SELECT * FROM moderation_bans WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export async function liftBan(conn: Queryable, id: string, by: string, at: Date) {
  const [row] = await conn.query<BanRow>(
    'UPDATE moderation_bans SET lifted_at = $3, lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING *',
    [id, by, at],
  );
  return row;
}

/** The person's ban in force now that ends last (one until lifted first), if any. */
export const activeBan = async (conn: Queryable, userId: string, now: Date) =>
  (
    await conn.query<BanRow>(
      `SELECT * FROM moderation_bans
       WHERE user_id = $1 AND lifted_at IS NULL AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2)
       ORDER BY ends_at DESC NULLS FIRST LIMIT 1`,
      [userId, now],
    )
  )[0];

export function bans(
  conn: Queryable,
  filter: { active?: boolean; userId?: string; now: Date; limit: number; after?: { at: string; id: string } },
) {
  return conn.query<BanRow>(
    `SELECT * FROM moderation_bans
     WHERE ($1::boolean IS NULL OR (lifted_at IS NULL AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2)) = $1)
       AND ($3::text IS NULL OR user_id = $3)
       AND ($4::timestamptz IS NULL OR (starts_at, id) < ($4::timestamptz, $5::text))
     ORDER BY starts_at DESC, id DESC LIMIT $6`,
    [
      filter.active ?? null,
      filter.now,
      filter.userId ?? null,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
}

/** Distinct items by this person that moderation actioned (hid) after reports: complaints upheld. */
export async function upheldComplaintsAbout(conn: Queryable, userId: string) {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(DISTINCT (item_type, item_id))::int AS n FROM moderation_reports
     WHERE item_author_id = $1 AND status = 'actioned'`,
    [userId],
  );
  return row?.n ?? 0;
}
