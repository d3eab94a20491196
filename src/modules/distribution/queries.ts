import type { ContentSourceType } from '../../platform/content-sources.js';
import type { Queryable } from '../../platform/db.js';
import type { HoldReason, RingSignal } from './context.js';
import type {
  CommissionRole,
  CommissionStatus,
  ContentCredit,
  DistributionSettings,
  WithdrawalStatus,
} from './rules.js';

export interface SettingsRow {
  max_levels: number;
  rates_bps: number[];
  attribution: DistributionSettings['attribution'];
  binding_days: number | null;
  new_users_only: boolean;
  cap_bps: number;
  min_withdrawal: number;
  holding_signals: RingSignal[];
  content_credit: ContentCredit;
  leader_rate_bps: number;
}

export const loadSettings = async (conn: Queryable) =>
  (await conn.query<SettingsRow>('SELECT * FROM distribution_settings WHERE id = 1'))[0];

export async function saveSettings(conn: Queryable, s: DistributionSettings, now: Date) {
  await conn.query(
    `INSERT INTO distribution_settings (id, max_levels, rates_bps, attribution, binding_days, new_users_only, cap_bps,
       min_withdrawal, holding_signals, updated_at, content_credit, leader_rate_bps)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7, $9, $8, $10, $11)
     ON CONFLICT (id) DO UPDATE SET max_levels = $1, rates_bps = $2, attribution = $3, binding_days = $4,
       new_users_only = $5, cap_bps = $6, min_withdrawal = $7, holding_signals = $9, updated_at = $8,
       content_credit = $10, leader_rate_bps = $11`,
    [
      s.maxLevels,
      s.ratesBps,
      s.attribution,
      s.bindingDays,
      s.newUsersOnly,
      s.capBps,
      s.minWithdrawal,
      now,
      s.holdingSignals,
      s.contentCredit,
      s.leaderRateBps,
    ],
  );
}

export interface BindingRow {
  buyer_id: string;
  promoter_id: string;
  /** A share link (its code), a store (its slug), or a post or live room (its id) whose owner it credits. */
  origin_type: 'share_link' | 'store' | ContentSourceType;
  origin_ref: string;
  order_id: string | null;
  bound_at: Date;
  expires_at: Date | null;
}

export const findBinding = async (conn: Queryable, buyerId: string) =>
  (await conn.query<BindingRow>('SELECT * FROM bindings WHERE buyer_id = $1', [buyerId]))[0];

export async function upsertBinding(conn: Queryable, b: BindingRow) {
  await conn.query(
    `INSERT INTO bindings (buyer_id, promoter_id, origin_type, origin_ref, order_id, bound_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (buyer_id) DO UPDATE SET promoter_id = $2, origin_type = $3, origin_ref = $4, order_id = $5,
       bound_at = $6, expires_at = $7`,
    [b.buyer_id, b.promoter_id, b.origin_type, b.origin_ref, b.order_id, b.bound_at, b.expires_at],
  );
}

export interface CommissionRow {
  id: string;
  order_id: string;
  promoter_id: string;
  buyer_id: string;
  level: number;
  role: CommissionRole;
  base_amount: number;
  rate_bps: number;
  /** What is left of it (partial refunds shrink it); what it earned once reversed. */
  amount: number;
  /** What it earned; null while no partial refund shrank it (then `amount`). */
  earned_amount: number | null;
  status: CommissionStatus;
  hold_reason: HoldReason | null;
  hold_before_dispute: HoldReason | null;
  signals: RingSignal[];
  settle_after: Date | null;
  created_at: Date;
  settled_at: Date | null;
  reversed_at: Date | null;
}

export const commissionsOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<CommissionRow>(
    'SELECT * FROM commissions WHERE order_id = $1 ORDER BY level, role FOR NO KEY UPDATE',
    [orderId],
  );

export interface WithdrawalRow {
  id: string;
  user_id: string;
  amount: number;
  status: WithdrawalStatus;
  note: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  payout: PayoutSnapshot | null;
}

/** Where the money of a withdrawal goes, copied from the promoter's payout details when they asked. */
export interface PayoutSnapshot {
  method: 'alipay' | 'wechat' | 'bank';
  holderName: string;
  account: string;
  bankName: string | null;
}

export const lockWithdrawal = async (conn: Queryable, id: string) =>
  (await conn.query<WithdrawalRow>('SELECT * FROM withdrawals WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export const recordSighting = (conn: Queryable, userId: string, deviceId: string, ip: string, at: Date) =>
  conn.query(
    `INSERT INTO device_sightings (user_id, device_id, ip, seen_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, device_id, ip) DO UPDATE SET seen_at = GREATEST(device_sightings.seen_at, $4)`,
    [userId, deviceId, ip, at],
  );

/** The devices a person has been seen signed in on. */
export const devicesOf = async (conn: Queryable, userId: string) =>
  (
    await conn.query<{ device_id: string }>(
      "SELECT DISTINCT device_id FROM device_sightings WHERE user_id = $1 AND device_id <> ''",
      [userId],
    )
  ).map((r) => r.device_id);

/** Every binding as a pair, buyer and promoter: who knows whom, for the incentive simulator. */
export const bindingPairs = (conn: Queryable) =>
  conn.query<{ buyer_id: string; promoter_id: string }>('SELECT buyer_id, promoter_id FROM bindings');
