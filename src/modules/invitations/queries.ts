import type { Queryable } from '../../platform/db.js';
import type { InvitationReward } from './rules.js';

interface SettingRow {
  kind: InvitationReward['kind'];
  points: number | null;
  template_id: string | null;
}

export async function loadSetting(conn: Queryable): Promise<InvitationReward> {
  const [row] = await conn.query<SettingRow>('SELECT * FROM invitation_reward_settings WHERE id = 1');
  if (row?.kind === 'points' && row.points !== null) return { kind: 'points', points: row.points };
  if (row?.kind === 'coupon' && row.template_id !== null) {
    return { kind: 'coupon', couponTemplateId: row.template_id };
  }
  return { kind: 'none' };
}

export async function saveSetting(conn: Queryable, s: InvitationReward, now: Date) {
  const points = s.kind === 'points' ? s.points : null;
  const templateId = s.kind === 'coupon' ? s.couponTemplateId : null;
  await conn.query(
    `INSERT INTO invitation_reward_settings (id, kind, points, template_id, updated_at) VALUES (1, $1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET kind = $1, points = $2, template_id = $3, updated_at = $4`,
    [s.kind, points, templateId, now],
  );
}

export interface RewardRow {
  invitee_id: string;
  inviter_id: string;
  order_id: string;
  kind: 'points' | 'coupon';
  points: number | null;
  user_coupon_id: string | null;
  created_at: Date;
  reversed_at: Date | null;
}

/** Records the reward for this invitee unless one exists: the primary key makes it once, ever. */
export async function insertReward(conn: Queryable, r: Omit<RewardRow, 'reversed_at'>): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO invitation_rewards (invitee_id, inviter_id, order_id, kind, points, user_coupon_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (invitee_id) DO NOTHING RETURNING invitee_id`,
    [r.invitee_id, r.inviter_id, r.order_id, r.kind, r.points, r.user_coupon_id, r.created_at],
  );
  return rows.length > 0;
}

export async function setRewardCoupon(conn: Queryable, inviteeId: string, userCouponId: string) {
  await conn.query('UPDATE invitation_rewards SET user_coupon_id = $2 WHERE invitee_id = $1', [
    inviteeId,
    userCouponId,
  ]);
}

/** Marks the points reward earned with this order as reversed; the row, if it was not already. */
export const reversePointsReward = async (conn: Queryable, orderId: string, now: Date) =>
  (
    await conn.query<RewardRow>(
      `UPDATE invitation_rewards SET reversed_at = $2
       WHERE order_id = $1 AND kind = 'points' AND reversed_at IS NULL RETURNING *`,
      [orderId, now],
    )
  )[0];

export const rewardsOf = (conn: Queryable, inviterId: string) =>
  conn.query<RewardRow>(
    `SELECT r.* FROM invitation_rewards r WHERE r.inviter_id = $1 ORDER BY r.created_at DESC LIMIT 100`,
    [inviterId],
  );
