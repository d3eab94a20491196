import type { Queryable } from '../../platform/db.js';
import {
  DEFAULT_SETTINGS,
  type Draw,
  type OpenLot,
  type PointsSettings,
  type RecordedDraw,
} from './rules.js';

export interface PostingRow {
  id: string;
  user_id: string;
  delta: number;
  reason: string;
  ref: string;
  created_at: Date;
}

/** Inserts the posting unless one with the same reference exists; true when inserted. */
export async function insertPosting(conn: Queryable, p: PostingRow): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO point_postings (id, user_id, delta, reason, ref, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (ref) DO NOTHING RETURNING id`,
    [p.id, p.user_id, p.delta, p.reason, p.ref, p.created_at],
  );
  return rows.length > 0;
}

export const balanceOf = async (conn: Queryable, userId: string) =>
  Number(
    (
      await conn.query<{ balance: number }>(
        'SELECT COALESCE(sum(delta), 0)::bigint AS balance FROM point_postings WHERE user_id = $1',
        [userId],
      )
    )[0]?.balance ?? 0,
  );

/** The sum of one person's postings whose reference is `ref` or starts with `prefix`. */
export async function postedUnder(conn: Queryable, userId: string, prefix: string): Promise<number> {
  const rows = await conn.query<{ total: number }>(
    `SELECT COALESCE(sum(delta), 0)::bigint AS total FROM point_postings
     WHERE user_id = $1 AND starts_with(ref, $2)`,
    [userId, prefix],
  );
  return Number(rows[0]?.total ?? 0);
}

export interface StatementRow extends PostingRow {
  expires_at: Date | null;
  debt_paid: number | null;
}

/** Newest first, with the lot a positive posting opened; ids are time-ordered (uuidv7), so the id alone is the keyset. */
export function listPostings(conn: Queryable, f: { userId: string; limit: number; beforeId?: string }) {
  const params: unknown[] = [f.userId, f.limit + 1];
  if (f.beforeId) params.push(f.beforeId);
  return conn.query<StatementRow>(
    // A return opens no lot: its expiry is the soonest of the lots it went back into.
    `SELECT p.*, COALESCE(l.expires_at, back.expires_at) AS expires_at,
            COALESCE(r.debt_paid, l.debt_paid) AS debt_paid
     FROM point_postings p
     LEFT JOIN point_lots l ON l.id = p.id
     LEFT JOIN point_returns r ON r.posting_id = p.id
     LEFT JOIN LATERAL (
       SELECT min(lot.expires_at) AS expires_at FROM point_restores pr JOIN point_lots lot ON lot.id = pr.lot_id
       WHERE pr.posting_id = p.id
     ) back ON true
     WHERE p.user_id = $1 ${f.beforeId ? 'AND p.id < $3' : ''}
     ORDER BY p.id DESC LIMIT $2`,
    params,
  );
}

/**
 * Serializes changes to one person's points until the transaction ends, so two spends at once cannot
 * both pass the balance check. An advisory lock keyed by the person, not their user row: nothing
 * else that updates the user waits for it.
 */
export async function lockPerson(conn: Queryable, userId: string): Promise<void> {
  await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.points:' || $1, 0))`, [userId]);
}

export async function insertLot(
  conn: Queryable,
  l: {
    id: string;
    userId: string;
    points: number;
    debtPaid: number;
    remaining: number;
    expiresAt: Date | null;
    at: Date;
  },
) {
  await conn.query(
    `INSERT INTO point_lots (id, user_id, points, debt_paid, remaining, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [l.id, l.userId, l.points, l.debtPaid, l.remaining, l.expiresAt, l.at],
  );
}

export const openLots = (conn: Queryable, userId: string) =>
  conn.query<OpenLot>(
    `SELECT id, remaining, expires_at AS "expiresAt" FROM point_lots
     WHERE user_id = $1 AND remaining > 0 ORDER BY expires_at NULLS LAST, id`,
    [userId],
  );

export const drawLot = (conn: Queryable, lotId: string, points: number) =>
  conn.query('UPDATE point_lots SET remaining = remaining - $2 WHERE id = $1', [lotId, points]);

/** Records that the negative posting `postingId` drew `points` from `lotId`, `seq`-th. */
export const insertDraw = (
  conn: Queryable,
  d: { postingId: string; seq: number; lotId: string; points: number },
) =>
  conn.query('INSERT INTO point_draws (posting_id, seq, lot_id, points) VALUES ($1, $2, $3, $4)', [
    d.postingId,
    d.seq,
    d.lotId,
    d.points,
  ]);

/** What a negative posting drew, in draw order, with what came back of each draw so far. */
export const drawsOf = (conn: Queryable, postingId: string) =>
  conn.query<RecordedDraw>(
    `SELECT seq, lot_id AS "lotId", points, restored FROM point_draws WHERE posting_id = $1 ORDER BY seq`,
    [postingId],
  );

export const advanceDraw = (conn: Queryable, postingId: string, seq: number, points: number) =>
  conn.query('UPDATE point_draws SET restored = restored + $3 WHERE posting_id = $1 AND seq = $2', [
    postingId,
    seq,
    points,
  ]);

/** Puts `points` back into a lot a spend drew them from; its expiry, for whether they are due already. */
export const restoreLot = async (conn: Queryable, lotId: string, points: number) =>
  (
    await conn.query<{ expires_at: Date | null }>(
      'UPDATE point_lots SET remaining = remaining + $2 WHERE id = $1 RETURNING expires_at',
      [lotId, points],
    )
  )[0];

export async function insertReturn(
  conn: Queryable,
  r: { postingId: string; spendId: string; debtPaid: number; intoLots: readonly Draw[] },
) {
  await conn.query('INSERT INTO point_returns (posting_id, spend_id, debt_paid) VALUES ($1, $2, $3)', [
    r.postingId,
    r.spendId,
    r.debtPaid,
  ]);
  for (const lot of r.intoLots)
    await conn.query('INSERT INTO point_restores (posting_id, lot_id, points) VALUES ($1, $2, $3)', [
      r.postingId,
      lot.lotId,
      lot.points,
    ]);
}

/** A person's open lots that expire, soonest first (for "what expires when"). */
export const expiringLots = (conn: Queryable, userId: string, limit: number) =>
  conn.query<{ remaining: number; expires_at: Date }>(
    `SELECT remaining, expires_at FROM point_lots
     WHERE user_id = $1 AND remaining > 0 AND expires_at IS NOT NULL
     ORDER BY expires_at, id LIMIT $2`,
    [userId, limit],
  );

/** Open lots whose expiry has come, oldest expiry first. */
export const dueLots = (conn: Queryable, now: Date, limit: number) =>
  conn.query<{ id: string; user_id: string }>(
    `SELECT id, user_id FROM point_lots WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at <= $1
     ORDER BY expires_at, id LIMIT $2`,
    [now, limit],
  );

/** The lot, locked, if it is still open (a spend may have emptied it since it was listed). */
export const lockOpenLot = async (conn: Queryable, lotId: string) =>
  (
    await conn.query<{ id: string; user_id: string; remaining: number }>(
      'SELECT id, user_id, remaining FROM point_lots WHERE id = $1 AND remaining > 0 FOR NO KEY UPDATE',
      [lotId],
    )
  )[0];

/**
 * Marks the open lots expiring by `until` as warned and returns them: the conditional update is what
 * makes the notice once per lot, however often the job runs.
 */
export const warnLots = (conn: Queryable, now: Date, until: Date, limit: number) =>
  conn.query<{ id: string; user_id: string; remaining: number; expires_at: Date }>(
    `UPDATE point_lots SET warned_at = $1
     WHERE id IN (SELECT id FROM point_lots
                  WHERE warned_at IS NULL AND remaining > 0 AND expires_at IS NOT NULL
                    AND expires_at > $1 AND expires_at <= $2
                  ORDER BY expires_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, user_id, remaining, expires_at`,
    [now, until, limit],
  );

interface SettingsRow {
  earn_per_unit: number;
  redeem_per_unit: number;
  max_share_bps: number;
  expiry_months: number | null;
}

export async function loadSettings(conn: Queryable): Promise<PointsSettings> {
  const row = (await conn.query<SettingsRow>('SELECT * FROM point_settings WHERE id = 1'))[0];
  if (!row) return DEFAULT_SETTINGS;
  return {
    earnPerUnit: row.earn_per_unit,
    redeemPerUnit: row.redeem_per_unit,
    maxShareBps: row.max_share_bps,
    expiryMonths: row.expiry_months,
  };
}

export async function saveSettings(conn: Queryable, s: PointsSettings, at: Date) {
  await conn.query(
    `INSERT INTO point_settings (id, earn_per_unit, redeem_per_unit, max_share_bps, expiry_months, updated_at)
     VALUES (1, $1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET earn_per_unit = $1, redeem_per_unit = $2, max_share_bps = $3,
       expiry_months = $4, updated_at = $5`,
    [s.earnPerUnit, s.redeemPerUnit, s.maxShareBps, s.expiryMonths, at],
  );
}
