import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { Policy } from '../../platform/policy.js';
import { maskedPerson } from '../../platform/privacy.js';
import type { AccountsService } from '../accounts/index.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';
import * as q from './queries.js';
import { type InvitationReward, rewardDue } from './rules.js';

export interface InvitationsContext {
  db: Database;
  clock: Clock;
  accounts: Pick<AccountsService, 'inviterChain' | 'namesOf'>;
  orders: Pick<OrdersService, 'hasPaidBefore' | 'statusHeld'>;
  coupons: Pick<CouponsService, 'grant' | 'getTemplate'>;
  points: Pick<PointsService, 'post'>;
  /** Where `invitation.converted` goes; optional for unit tests. */
  events?: EventBus;
  /** The market policy profile: where it forbids pay for recruiting, no invitation reward is set or paid. */
  policy?: Pick<Policy, 'allows' | 'assertAllowed'>;
}

/** The setting as the API carries it: one object with the fields of every kind. */
export interface FlatSetting {
  kind: InvitationReward['kind'];
  points?: number | null;
  couponTemplateId?: string | null;
}

const flat = (s: InvitationReward) => ({
  kind: s.kind,
  points: s.kind === 'points' ? s.points : null,
  couponTemplateId: s.kind === 'coupon' ? s.couponTemplateId : null,
});

function fromFlat(input: FlatSetting): InvitationReward {
  if (input.kind === 'points') {
    if (!input.points) throw invalidInput('/points', 'is required for a points reward', 'required');
    return { kind: 'points', points: input.points };
  }
  if (input.kind === 'coupon') {
    if (!input.couponTemplateId) {
      throw invalidInput('/couponTemplateId', 'is required for a coupon reward', 'required');
    }
    return { kind: 'coupon', couponTemplateId: input.couponTemplateId };
  }
  return { kind: 'none' };
}

/** The point postings' references: one grant and at most one reversal per invited person. */
const grantRef = (inviteeId: string) => `invitation:${inviteeId}`;
const reversalRef = (inviteeId: string) => `invitation-reversed:${inviteeId}`;

/**
 * Invitation rewards. On `order.paid`, in a job queued by the payment's transaction: when the buyer was
 * invited and this is their first paid order, the inviter gets the operator's reward, once per
 * invited person (the reward table's primary key).
 *
 * On refund of that order, points are taken back (otherwise paying and refunding a first order
 * from a made-up account would mint points); a coupon reward stays, since it is worth nothing
 * without another paid order.
 */
export function createInvitationsService(ctx: InvitationsContext) {
  async function rewardInviter(tx: Tx, orderId: string, buyerId: string) {
    // This runs in a job, possibly after the order was refunded (and its reversal found nothing
    // to take back): a refunded order rewards no one. The share lock orders us with a refund.
    const status = await ctx.orders.statusHeld(tx, orderId);
    if (status === undefined || status === 'refunded') return;
    const [inviterId = null] = await ctx.accounts.inviterChain(buyerId, 1, tx);
    if (inviterId === null) return;
    const paidBefore = await ctx.orders.hasPaidBefore(tx, buyerId, orderId);
    // Tasks and honours count a friend whose first order is paid, whatever the reward setting is.
    if (!paidBefore)
      await ctx.events?.publish(tx, 'invitation.converted', {
        userId: inviterId,
        inviteeId: buyerId,
        orderId,
      });
    const setting = await q.loadSetting(tx);
    if (setting.kind === 'none' || ctx.policy?.allows('recruitmentRewards') === false) return;
    const due = rewardDue(setting, { inviterId, paidBefore });
    if (!due) return;
    const recorded = await q.insertReward(tx, {
      invitee_id: buyerId,
      inviter_id: due.inviterId,
      order_id: orderId,
      kind: due.reward.kind,
      points: due.reward.kind === 'points' ? due.reward.points : null,
      user_coupon_id: null,
      created_at: ctx.clock.now(),
    });
    if (!recorded) return;
    if (due.reward.kind === 'points') {
      await ctx.points.post(tx, {
        userId: due.inviterId,
        delta: due.reward.points,
        reason: 'invitation',
        ref: grantRef(buyerId),
      });
      return;
    }
    const coupon = await ctx.coupons.grant(tx, due.reward.couponTemplateId, due.inviterId, 'invitation');
    if (coupon) await q.setRewardCoupon(tx, buyerId, coupon.id);
  }

  async function reversePoints(tx: Tx, orderId: string) {
    const reward = await q.reversePointsReward(tx, orderId, ctx.clock.now());
    if (!reward?.points) return;
    await ctx.points.post(tx, {
      userId: reward.inviter_id,
      delta: -reward.points,
      reason: 'invitation_reversed',
      ref: reversalRef(reward.invitee_id),
    });
  }

  /**
   * Wired in src/reactions.ts as deferred reactions (jobs queued in the order's transaction): a
   * reward that fails is retried and never aborts the payment. Both are idempotent: the reward
   * table's primary key and the point postings' references.
   */
  const reactions = {
    rewardInviter: (tx: Tx, e: { orderId: string; userId: string }) => rewardInviter(tx, e.orderId, e.userId),
    reversePoints: (tx: Tx, e: { orderId: string }) => reversePoints(tx, e.orderId),
  };

  async function updateSetting(next: InvitationReward, by?: AuditContext): Promise<InvitationReward> {
    if (next.kind !== 'none') ctx.policy?.assertAllowed('recruitmentRewards');
    if (next.kind === 'coupon') {
      // A field error with a rule the client words ("no such coupon"), as for any other field.
      await ctx.coupons.getTemplate(next.couponTemplateId).catch(() => {
        throw invalidInput('/couponTemplateId', 'is not a coupon', 'unknown');
      });
    }
    await ctx.db.transaction(async (tx) => {
      const before = await q.loadSetting(tx);
      const at = ctx.clock.now();
      await q.saveSetting(tx, next, at);
      const target = { type: 'settings', id: 'invitation-rewards' };
      await record(tx, { by, at, action: 'invitation-rewards.settings.update', target, before, after: next });
    });
    return next;
  }

  async function myRewards(inviterId: string) {
    const rows = await q.rewardsOf(ctx.db, inviterId);
    const names = await ctx.accounts.namesOf(
      ctx.db,
      rows.map((r) => r.invitee_id),
    );
    return {
      items: rows.map((r) => ({
        // The people I invited did not choose to be public: masked, without their ids.
        invitee: maskedPerson(names.get(r.invitee_id) ?? ''),
        kind: r.kind,
        points: r.points,
        couponId: r.user_coupon_id,
        createdAt: r.created_at.toISOString(),
        reversed: r.reversed_at !== null,
      })),
    };
  }

  /** The reward as people see it on their invite page: with the coupon's terms when it is one. */
  async function publicSetting() {
    const setting = await q.loadSetting(ctx.db);
    if (setting.kind !== 'coupon') return { ...flat(setting), coupon: null };
    const t = await ctx.coupons.getTemplate(setting.couponTemplateId);
    const coupon = {
      title: t.title,
      kind: t.kind,
      amountOff: t.amountOff,
      percentOffBps: t.percentOffBps,
      maxDiscount: t.maxDiscount,
      minSpend: t.minSpend,
    };
    return { ...flat(setting), coupon };
  }

  return {
    setting: async () => flat(await q.loadSetting(ctx.db)),
    updateSetting: async (input: FlatSetting, by?: AuditContext) =>
      flat(await updateSetting(fromFlat(input), by)),
    publicSetting,
    myRewards,
    reactions,
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
