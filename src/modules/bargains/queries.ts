import type { Queryable } from '../../platform/db.js';

export interface CampaignRow {
  id: string;
  variant_id: string;
  product_id: string;
  floor_price: number;
  helpers_needed: number;
  duration_minutes: number;
  min_cut: number | null;
  max_cut: number | null;
  status: 'active' | 'closed';
  created_at: Date;
  updated_at: Date;
}

export interface BargainRow {
  id: string;
  campaign_id: string;
  user_id: string;
  variant_id: string;
  product_id: string;
  start_price: number;
  floor_price: number;
  helpers_needed: number;
  seed: number;
  cuts: number[];
  helps: number;
  price: number;
  device_id: string | null;
  order_id: string | null;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface HelpRow {
  bargain_id: string;
  helper_id: string;
  seq: number;
  cut: number;
  device_id: string | null;
  signals: string[];
  flagged: boolean;
  created_at: Date;
}

export async function insertCampaign(conn: Queryable, c: CampaignRow): Promise<void> {
  await conn.query(
    `INSERT INTO bargain_campaigns (id, variant_id, product_id, floor_price, helpers_needed, duration_minutes,
       min_cut, max_cut, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9)`,
    [
      c.id,
      c.variant_id,
      c.product_id,
      c.floor_price,
      c.helpers_needed,
      c.duration_minutes,
      c.min_cut,
      c.max_cut,
      c.created_at,
    ],
  );
}

export const findCampaign = async (conn: Queryable, id: string) =>
  (await conn.query<CampaignRow>('SELECT * FROM bargain_campaigns WHERE id = $1', [id]))[0];

export const closeCampaign = async (conn: Queryable, id: string, now: Date) =>
  (
    await conn.query<CampaignRow>(
      `UPDATE bargain_campaigns SET status = 'closed', updated_at = $2 WHERE id = $1 RETURNING *`,
      [id, now],
    )
  )[0];

/** Campaigns, newest first; keyset on id (ids are time-ordered). Only active ones with `activeOnly`. */
export const campaigns = (
  conn: Queryable,
  f: { beforeId: string | null; limit: number; activeOnly: boolean },
) =>
  conn.query<CampaignRow>(
    `SELECT * FROM bargain_campaigns WHERE ($1::text IS NULL OR id < $1) AND (NOT $3 OR status = 'active')
     ORDER BY id DESC LIMIT $2`,
    [f.beforeId, f.limit + 1, f.activeOnly],
  );

export interface CampaignFigures {
  campaign_id: string;
  started: number;
  succeeded: number;
  ordered: number;
  flagged_helps: number;
}

export const figuresOf = (conn: Queryable, campaignIds: readonly string[]) =>
  conn.query<CampaignFigures>(
    `SELECT b.campaign_id, count(*)::int AS started,
       count(*) FILTER (WHERE b.helps = b.helpers_needed)::int AS succeeded,
       count(*) FILTER (WHERE b.order_id IS NOT NULL)::int AS ordered,
       coalesce(sum((SELECT count(*) FROM bargain_helps h WHERE h.bargain_id = b.id AND h.flagged)), 0)::int
         AS flagged_helps
     FROM bargains b WHERE b.campaign_id = ANY($1) GROUP BY b.campaign_id`,
    [campaignIds],
  );

/** Serializes one person's starts on one campaign, so two taps open one bargain. */
export async function lockStarter(conn: Queryable, campaignId: string, userId: string) {
  await conn.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('fission.bargain:' || $1 || ':' || $2, 0))`,
    [campaignId, userId],
  );
}

/** The person's latest bargain on the campaign, if any. */
export const latestOf = async (conn: Queryable, campaignId: string, userId: string) =>
  (
    await conn.query<BargainRow>(
      `SELECT * FROM bargains WHERE campaign_id = $1 AND user_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [campaignId, userId],
    )
  )[0];

export async function insertBargain(conn: Queryable, b: BargainRow): Promise<void> {
  await conn.query(
    `INSERT INTO bargains (id, campaign_id, user_id, variant_id, product_id, start_price, floor_price,
       helpers_needed, seed, cuts, helps, price, device_id, order_id, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $13, $5, $6, $7, $8, $9, 0, $5, $10, NULL, $11, $12, $12)`,
    [
      b.id,
      b.campaign_id,
      b.user_id,
      b.variant_id,
      b.start_price,
      b.floor_price,
      b.helpers_needed,
      b.seed,
      b.cuts,
      b.device_id,
      b.expires_at,
      b.created_at,
      b.product_id,
    ],
  );
}

export const findBargain = async (conn: Queryable, id: string) =>
  (await conn.query<BargainRow>('SELECT * FROM bargains WHERE id = $1', [id]))[0];

/** A person's bargains, newest first; keyset on id. */
export const bargainsOf = (conn: Queryable, userId: string, beforeId: string | null, limit: number) =>
  conn.query<BargainRow>(
    `SELECT * FROM bargains WHERE user_id = $1 AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [userId, beforeId, limit + 1],
  );

export const helpsOf = (conn: Queryable, bargainIds: readonly string[]) =>
  conn.query<HelpRow>('SELECT * FROM bargain_helps WHERE bargain_id = ANY($1) ORDER BY bargain_id, seq', [
    bargainIds,
  ]);

export const hasHelped = async (conn: Queryable, bargainId: string, helperId: string) =>
  (
    await conn.query('SELECT 1 FROM bargain_helps WHERE bargain_id = $1 AND helper_id = $2', [
      bargainId,
      helperId,
    ])
  ).length > 0;

/**
 * Takes the next cut of the schedule, if the bargain still takes help: one conditional UPDATE, so
 * racing helpers each get their own cut and none goes past the floor. Every SET reads the row as it
 * was, so `cuts[helps + 1]` is the cut this help takes. Null when it is finished, ordered or expired.
 */
export const takeNextCut = async (conn: Queryable, bargainId: string, now: Date) =>
  (
    await conn.query<{ helps: number; price: number; cut: number }>(
      `UPDATE bargains SET helps = helps + 1, price = price - cuts[helps + 1], updated_at = $2
       WHERE id = $1 AND helps < helpers_needed AND order_id IS NULL AND expires_at > $2
       RETURNING helps, price, cuts[helps] AS cut`,
      [bargainId, now],
    )
  )[0] ?? null;

export async function insertHelp(conn: Queryable, h: HelpRow): Promise<void> {
  await conn.query(
    `INSERT INTO bargain_helps (bargain_id, helper_id, seq, cut, device_id, signals, flagged, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [h.bargain_id, h.helper_id, h.seq, h.cut, h.device_id, h.signals, h.flagged, h.created_at],
  );
}

export const helperDevices = async (conn: Queryable, bargainId: string) =>
  (
    await conn.query<{ device_id: string }>(
      'SELECT DISTINCT device_id FROM bargain_helps WHERE bargain_id = $1 AND device_id IS NOT NULL',
      [bargainId],
    )
  ).map((r) => r.device_id);

/** Flagged helps, newest first, for the operator; keyset on (created_at, bargain, helper). */
export const flaggedHelps = (conn: Queryable, before: [string, string, string] | null, limit: number) =>
  conn.query<HelpRow & { starter_id: string; campaign_id: string }>(
    `SELECT h.*, b.user_id AS starter_id, b.campaign_id FROM bargain_helps h JOIN bargains b ON b.id = h.bargain_id
     WHERE h.flagged AND ($1::timestamptz IS NULL OR (h.created_at, h.bargain_id, h.helper_id) < ($1, $2, $3))
     ORDER BY h.created_at DESC, h.bargain_id DESC, h.helper_id DESC LIMIT $4`,
    [before?.[0] ?? null, before?.[1] ?? null, before?.[2] ?? null, limit + 1],
  );

/** Ties an order to the bargain if none holds it; false when another order does. */
export const attachOrder = async (conn: Queryable, bargainId: string, orderId: string, now: Date) =>
  (
    await conn.query(
      'UPDATE bargains SET order_id = $2, updated_at = $3 WHERE id = $1 AND order_id IS NULL RETURNING id',
      [bargainId, orderId, now],
    )
  ).length > 0;

/** A cancelled (or expired unpaid) order frees its bargain for another order. */
export async function releaseOrder(conn: Queryable, orderId: string, now: Date) {
  await conn.query('UPDATE bargains SET order_id = NULL, updated_at = $2 WHERE order_id = $1', [
    orderId,
    now,
  ]);
}
