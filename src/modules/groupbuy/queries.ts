import type { Queryable } from '../../platform/db.js';
import {
  type CampaignStatus,
  type GroupStatus,
  groupMachine,
  LIVE_SEATS,
  type SeatStatus,
  UNDECIDED_GROUPS,
} from './rules.js';

export interface CampaignRow {
  id: string;
  variant_id: string;
  product_id: string;
  group_size: number;
  price: number;
  leader_price: number | null;
  duration_minutes: number;
  per_user_limit: number | null;
  starts_at: Date | null;
  ends_at: Date | null;
  free_shipping: boolean;
  /** Limited to this community's members, collecting at its pickup point; null = everyone. */
  community_id: string | null;
  status: CampaignStatus;
  created_at: Date;
  updated_at: Date;
}

export interface GroupRow {
  id: string;
  campaign_id: string;
  leader_id: string;
  group_size: number;
  taken: number;
  paid: number;
  status: GroupStatus;
  completed_by_platform: boolean;
  expires_at: Date;
  created_at: Date;
  decided_at: Date | null;
}

export interface SeatRow {
  order_id: string;
  group_id: string;
  campaign_id: string;
  user_id: string;
  role: 'leader' | 'member';
  quantity: number;
  /** What the seat's order pays a unit; null only for seats from before it was kept. */
  unit_price: number | null;
  status: SeatStatus;
  joined_at: Date;
  paid_at: Date | null;
}

export async function insertCampaign(conn: Queryable, c: CampaignRow): Promise<void> {
  await conn.query(
    `INSERT INTO group_buy_campaigns (id, variant_id, product_id, group_size, price, leader_price,
       duration_minutes, per_user_limit, starts_at, ends_at, status, created_at, updated_at, free_shipping,
       community_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      c.id,
      c.variant_id,
      c.product_id,
      c.group_size,
      c.price,
      c.leader_price,
      c.duration_minutes,
      c.per_user_limit,
      c.starts_at,
      c.ends_at,
      c.status,
      c.created_at,
      c.updated_at,
      c.free_shipping,
      c.community_id,
    ],
  );
}

export async function updateCampaign(conn: Queryable, c: CampaignRow): Promise<void> {
  await conn.query(
    `UPDATE group_buy_campaigns SET price = $2, leader_price = $3, duration_minutes = $4,
       per_user_limit = $5, starts_at = $6, ends_at = $7, status = $8, updated_at = $9, free_shipping = $10
     WHERE id = $1`,
    [
      c.id,
      c.price,
      c.leader_price,
      c.duration_minutes,
      c.per_user_limit,
      c.starts_at,
      c.ends_at,
      c.status,
      c.updated_at,
      c.free_shipping,
    ],
  );
}

export const findCampaign = async (conn: Queryable, id: string) =>
  (await conn.query<CampaignRow>('SELECT * FROM group_buy_campaigns WHERE id = $1', [id]))[0];

export const lockCampaign = async (conn: Queryable, id: string) =>
  (
    await conn.query<CampaignRow>('SELECT * FROM group_buy_campaigns WHERE id = $1 FOR NO KEY UPDATE', [id])
  )[0];

export function listCampaigns(
  conn: Queryable,
  f: {
    productId?: string;
    activeOnly?: boolean;
    /** A community's campaigns; null: only those open to everyone; absent: all. */
    communityId?: string | null;
    beforeId?: string;
    limit: number;
  },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.productId) where.push(`product_id = ${param(f.productId)}`);
  if (f.activeOnly) where.push(`status = 'active'`);
  if (f.communityId === null) where.push('community_id IS NULL');
  else if (f.communityId !== undefined) where.push(`community_id = ${param(f.communityId)}`);
  if (f.beforeId) where.push(`id < ${param(f.beforeId)}`);
  return conn.query<CampaignRow>(
    `SELECT * FROM group_buy_campaigns ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT ${param(f.limit + 1)}`,
    params,
  );
}

/**
 * The active campaigns open to everyone of these products (whether running now is the caller's to
 * judge): a community's own campaign is its members' deal, not a price the product shows to all.
 */
export const activeCampaignsOf = (conn: Queryable, productIds: readonly string[]) =>
  conn.query<CampaignRow>(
    `SELECT * FROM group_buy_campaigns WHERE product_id = ANY($1) AND status = 'active' AND community_id IS NULL
     ORDER BY id DESC`,
    [productIds],
  );

export interface CampaignStats {
  campaign_id: string;
  open: number;
  succeeded: number;
  failed: number;
  members: number;
}

/** Live counts per campaign: groups by state, and paid members in groups that did not fail. */
export const campaignStats = (conn: Queryable, campaignIds: readonly string[]) =>
  conn.query<CampaignStats>(
    `SELECT campaign_id,
       count(*) FILTER (WHERE status = 'open')::int AS open,
       count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
       count(*) FILTER (WHERE status = 'failed')::int AS failed,
       COALESCE(sum(paid) FILTER (WHERE status <> 'failed'), 0)::int AS members
     FROM group_buy_groups WHERE campaign_id = ANY($1) GROUP BY campaign_id`,
    [campaignIds],
  );

export async function insertGroup(conn: Queryable, g: GroupRow): Promise<void> {
  await conn.query(
    `INSERT INTO group_buy_groups (id, campaign_id, leader_id, group_size, taken, paid, status, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [g.id, g.campaign_id, g.leader_id, g.group_size, g.taken, g.paid, g.status, g.expires_at, g.created_at],
  );
}

/** A campaign's groups, newest first, optionally in one state; keyset on the time-ordered id. */
export const groupsOfCampaign = (
  conn: Queryable,
  f: { campaignId: string; status?: GroupStatus; beforeId?: string; limit: number },
) =>
  conn.query<GroupRow>(
    `SELECT * FROM group_buy_groups
     WHERE campaign_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [f.campaignId, f.status ?? null, f.beforeId ?? null, f.limit + 1],
  );

/** The seats of these groups, in joining order. */
export const seatsOfGroups = (conn: Queryable, groupIds: readonly string[]) =>
  conn.query<SeatRow>(
    `SELECT * FROM group_buy_members WHERE group_id = ANY($1) ORDER BY joined_at, order_id`,
    [groupIds],
  );

export const findGroup = async (conn: Queryable, id: string) =>
  (await conn.query<GroupRow>('SELECT * FROM group_buy_groups WHERE id = $1', [id]))[0];

export const lockGroup = async (conn: Queryable, id: string) =>
  (await conn.query<GroupRow>('SELECT * FROM group_buy_groups WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

/**
 * Takes one seat if the group is open, not past its deadline and not full, in one statement: under
 * PostgreSQL's row lock, racing buyers are serialized and each re-checks `taken < group_size`.
 */
export const takeSeat = async (conn: Queryable, groupId: string, campaignId: string, now: Date) =>
  (
    await conn.query<GroupRow>(
      `UPDATE group_buy_groups SET taken = taken + 1
       WHERE id = $1 AND campaign_id = $2 AND status = ANY($4) AND expires_at > $3 AND taken < group_size
       RETURNING *`,
      [groupId, campaignId, now, UNDECIDED_GROUPS],
    )
  )[0];

/** Saves a locked group's counters; a change of status is checked against the machine by the caller. */
export const saveGroupCounts = (conn: Queryable, g: GroupRow) =>
  conn.query(
    `UPDATE group_buy_groups SET taken = $2, paid = $3, status = $4, decided_at = $5,
       completed_by_platform = $6 WHERE id = $1`,
    [g.id, g.taken, g.paid, g.status, g.decided_at, g.completed_by_platform],
  );

/**
 * Fails a batch of open groups whose deadline has passed, and returns them. SKIP LOCKED lets
 * processes running this at once share the work; the status condition makes it once per group.
 */
export const failDueGroups = (conn: Queryable, now: Date, limit: number) =>
  conn.query<GroupRow>(
    `UPDATE group_buy_groups SET status = 'failed', decided_at = $1
     WHERE id IN (SELECT id FROM group_buy_groups WHERE status = ANY($3) AND expires_at <= $1
                  ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       AND status = ANY($3)
     RETURNING *`,
    [now, limit, groupMachine.fromStates('failed')],
  );

export async function insertSeat(conn: Queryable, s: SeatRow): Promise<void> {
  await conn.query(
    `INSERT INTO group_buy_members
       (order_id, group_id, campaign_id, user_id, role, quantity, unit_price, status, joined_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      s.order_id,
      s.group_id,
      s.campaign_id,
      s.user_id,
      s.role,
      s.quantity,
      s.unit_price,
      s.status,
      s.joined_at,
    ],
  );
}

export const findSeat = async (conn: Queryable, orderId: string) =>
  (await conn.query<SeatRow>('SELECT * FROM group_buy_members WHERE order_id = $1', [orderId]))[0];

/** Moves a seat to `status` if it is in one of `from` (the machine's); returns how many rows moved. */
export const setSeatStatus = async (
  conn: Queryable,
  orderId: string,
  status: SeatStatus,
  from: readonly SeatStatus[],
  now: Date,
) =>
  (
    await conn.query(
      `UPDATE group_buy_members SET status = $2, paid_at = CASE WHEN $2 = 'paid' THEN $3 ELSE paid_at END
       WHERE order_id = $1 AND status = ANY($4) RETURNING order_id`,
      [orderId, status, now, from],
    )
  ).length;

export const seatsOfGroup = (conn: Queryable, groupId: string) =>
  conn.query<SeatRow>(`SELECT * FROM group_buy_members WHERE group_id = $1 ORDER BY joined_at, order_id`, [
    groupId,
  ]);

/**
 * Seats still live (reserved or paid) in groups that have failed: their settlement is owed. Normally
 * none for long; some remain when a refund kept failing until its job gave up.
 */
export const owedSettlements = (conn: Queryable, limit: number) =>
  conn.query<{ order_id: string }>(
    `SELECT m.order_id FROM group_buy_members m JOIN group_buy_groups g ON g.id = m.group_id
     WHERE g.status = 'failed' AND m.status = ANY($2) ORDER BY m.order_id LIMIT $1`,
    [limit, LIVE_SEATS],
  );

export const seatsOfOrders = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<SeatRow & { group_status: GroupStatus }>(
    `SELECT m.*, g.status AS group_status FROM group_buy_members m JOIN group_buy_groups g ON g.id = m.group_id
     WHERE m.order_id = ANY($1)`,
    [orderIds],
  );

/** Units a person holds in a campaign through seats that are paying or paid. */
export async function unitsHeld(conn: Queryable, campaignId: string, userId: string): Promise<number> {
  const rows = await conn.query<{ units: number }>(
    `SELECT COALESCE(sum(quantity), 0)::int AS units FROM group_buy_members
     WHERE campaign_id = $1 AND user_id = $2 AND status = ANY($3)`,
    [campaignId, userId, LIVE_SEATS],
  );
  return rows[0]?.units ?? 0;
}

/** Open groups of these campaigns that someone has paid into, soonest deadline first. */
export const joinableGroups = (
  conn: Queryable,
  campaignIds: readonly string[],
  now: Date,
  perCampaign: number,
) =>
  conn.query<GroupRow>(
    `SELECT * FROM (
       SELECT g.*, row_number() OVER (PARTITION BY g.campaign_id ORDER BY g.expires_at, g.id) AS rank
       FROM group_buy_groups g
       WHERE g.campaign_id = ANY($1) AND g.status = ANY($4) AND g.expires_at > $2 AND g.paid > 0
         AND g.taken < g.group_size) ranked
     WHERE rank <= $3`,
    [campaignIds, now, perCampaign, UNDECIDED_GROUPS],
  );

export const seatsOfUser = (
  conn: Queryable,
  userId: string,
  beforeOrderId: string | undefined,
  limit: number,
) =>
  conn.query<SeatRow>(
    `SELECT * FROM group_buy_members WHERE user_id = $1 AND ($2::text IS NULL OR order_id < $2)
     ORDER BY order_id DESC LIMIT $3`,
    [userId, beforeOrderId ?? null, limit + 1],
  );
