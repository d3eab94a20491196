import type { ContentSourceType } from '../../platform/content-sources.js';
import type { Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { AttributionFacts, DistributionContext } from './context.js';
import * as q from './queries.js';
import { buyerFacts, type RingFlag, ringSignals } from './ring-signals.js';
import {
  type CommissionLine,
  type CommissionShare,
  type ContentCredit,
  creditPlan,
  type DistributionSettings,
  decideBinding,
  isActive,
  levelOnePromoter,
  splitCommission,
  withAuthorSplit,
  withinPolicy,
  withLeaderShare,
} from './rules.js';
import { currentSettings } from './settings.js';

/**
 * On `order.paid`, inside the payment's transaction: update the buyer's binding, work out the
 * promoter chain, and record each level's commission as pending, with its ledger posting — and the
 * community leader's, for an order collected at a pickup point (see `withLeaderShare`).
 * The (order, level, role) unique key makes a second delivery of the same event earn nothing.
 */
export async function earnCommissions(ctx: DistributionContext, tx: Tx, orderId: string): Promise<void> {
  const facts = await ctx.orders.attributionFacts(tx, orderId);
  if (!facts) return;
  const settings = withinPolicy(await currentSettings(ctx, tx), ctx.policy?.rules);
  const productIds = facts.lines.map((l) => l.productId);
  const overrides = await ctx.productRates(tx, productIds);
  // Products' leader rates matter only to an order collected in a leader's community.
  const leaderId = await activeLeaderOf(ctx, tx, orderId);
  const leaderOverrides =
    (leaderId !== null && (await ctx.leaderRates?.(tx, productIds))) || new Map<string, number>();
  const lines = facts.lines.map((l) => ({
    lineTotal: l.lineTotal,
    overrideBps: overrides.get(l.productId) ?? null,
    leaderOverrideBps: leaderOverrides.get(l.productId) ?? null,
  }));
  const { shares: chainShares, multipliers } = await chainSharesOf(ctx, tx, facts, settings, lines);
  const shares = withLeaderShare(chainShares, {
    leaderId,
    buyerId: facts.buyerId,
    paidAmount: facts.total,
    lines,
    leaderRateBps: settings.leaderRateBps,
  });
  const now = ctx.clock.now();
  const buyer = await buyerFacts(ctx, tx, facts);
  for (const share of shares) {
    const role = share.role ?? 'sharer';
    const flags = await ringSignals(ctx, tx, {
      promoterId: share.promoterId,
      level: share.level,
      buyer,
      now,
    });
    const held = holdOf(flags, settings.holdingSignals);
    const { signals } = held;
    // A ring signal names the hold when there is one; otherwise a low trust value holds it.
    const holdReason = held.holdReason ?? ((await ctx.lowTrust?.(tx, share.promoterId)) ? 'low_trust' : null);
    const id = newId();
    const inserted = await tx.query(
      `INSERT INTO commissions (id, order_id, promoter_id, buyer_id, level, base_amount, rate_bps, multiplier_bps,
         amount, status, hold_reason, signals, created_at, role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $12, $8, 'pending', $9, $10, $11, $13)
       ON CONFLICT (order_id, level, role) DO NOTHING RETURNING id`,
      [
        id,
        orderId,
        share.promoterId,
        facts.buyerId,
        share.level,
        facts.total,
        share.rateBps,
        share.amount,
        holdReason,
        signals,
        now,
        // The level multiplier this commission was earned at: its rate is rate_bps × this / 10000.
        role === 'leader' ? 10_000 : (multipliers[share.level - 1] ?? 10_000),
        role,
      ],
    );
    if (inserted.length === 0) continue;
    await recordFlags(tx, id, flags, now);
    const pending = accounts.promoterPending(share.promoterId);
    await ctx.ledger.post(tx, {
      kind: 'commission.earned',
      ref: id,
      ...transferBetween(pending, accounts.commissionExpense, share.amount),
    });
    await ctx.events.publish(tx, 'commission.earned', {
      commissionId: id,
      orderId,
      userId: share.promoterId,
      amount: share.amount,
      level: share.level,
    });
  }
}

/**
 * The share-link chain's commissions: update the buyer's binding, find the level-1 promoter and the
 * chain above, split, and drop disabled promoters (nobody moves up into their level).
 */
async function chainSharesOf(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
  settings: DistributionSettings,
  lines: readonly CommissionLine[],
): Promise<{ shares: CommissionShare[]; multipliers: number[] }> {
  const { origin, splitWith } = await originOf(ctx, tx, facts, settings.contentCredit);
  const bound = await rebind(ctx, tx, facts, origin, settings);
  const promoter = levelOnePromoter({
    attribution: settings.attribution,
    viaSharer: origin?.promoterId ?? null,
    boundPromoter: bound,
  });
  if (!promoter) return { shares: [], multipliers: [] };
  const chain = [promoter, ...(await ctx.accounts.inviterChain(promoter, settings.maxLevels - 1, tx))];
  const multipliers = await multipliersOf(ctx, tx, chain);
  const shares = splitCommission({
    buyerId: facts.buyerId,
    paidAmount: facts.total,
    lines,
    chain,
    settings,
    multipliersBps: multipliers,
  });
  const disabled = await ctx.accounts.disabledAmong(tx, chain);
  const earning = shares.filter((s) => !disabled.has(s.promoterId));
  // A split shares the sharer's level 1 only when the sharer did win it (a first binding to someone
  // else pays that someone, as with any share link, and the author nothing).
  const split =
    splitWith && earning[0]?.level === 1 && earning[0].promoterId === origin?.promoterId
      ? withAuthorSplit(earning, splitWith)
      : earning;
  return { shares: split, multipliers };
}

/** The leader of the community the order is collected in, unless the leader's account is disabled. */
async function activeLeaderOf(ctx: DistributionContext, tx: Tx, orderId: string): Promise<string | null> {
  const leaderId = (await ctx.pickupLeaderOf?.(tx, orderId)) ?? null;
  if (leaderId === null) return null;
  return (await ctx.accounts.disabledAmong(tx, [leaderId])).has(leaderId) ? null : leaderId;
}

/** Each promoter's membership multiplier (×1 without the levels module). */
async function multipliersOf(ctx: DistributionContext, tx: Tx, chain: readonly string[]) {
  const multipliers: number[] = [];
  for (const promoterId of chain)
    multipliers.push((await ctx.commissionMultiplierBps?.(tx, promoterId)) ?? 10_000);
  return multipliers;
}

interface Origin {
  promoterId: string;
  type: 'share_link' | 'store' | ContentSourceType;
  ref: string;
}

/**
 * Whose link, content or store this order came through, and who shares level 1 in a split. A
 * share link comes first; then the post or live room (its owner credited as by a share link; more
 * specific than the store being browsed); then the store. A disabled person's link, content or
 * store binds nobody and earns nothing (and so keeps no buyer from another promoter).
 */
async function originOf(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
  contentCredit: ContentCredit,
): Promise<{ origin: Origin | null; splitWith: string | null }> {
  const link = await linkOrigin(ctx, tx, facts);
  const content = await contentOrigin(ctx, tx, facts);
  const store = link || content ? null : await storeOrigin(ctx, tx, facts);
  const people = [link, content, store].flatMap((o) => (o ? [o.promoterId] : []));
  const disabled = people.length > 0 ? await ctx.accounts.disabledAmong(tx, people) : new Set<string>();
  const active = (o: Origin | null) => (o && !disabled.has(o.promoterId) ? o : null);
  const plan = creditPlan({
    buyerId: facts.buyerId,
    sharer: active(link)?.promoterId ?? null,
    author: active(content)?.promoterId ?? null,
    contentCredit,
  });
  const origin = plan.origin === 'link' ? active(link) : plan.origin === 'content' ? active(content) : null;
  return { origin: origin ?? active(store), splitWith: plan.splitWith };
}

async function linkOrigin(ctx: DistributionContext, tx: Tx, facts: AttributionFacts): Promise<Origin | null> {
  if (!facts.shareCode) return null;
  const sharer = await ctx.sources.sharerOfCode(tx, facts.shareCode);
  return sharer ? { promoterId: sharer, type: 'share_link', ref: facts.shareCode } : null;
}

/** The owner of the post or live room, if it is still there and public when the order is paid. */
async function contentOrigin(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
): Promise<Origin | null> {
  if (!facts.source) return null;
  const owner = await ctx.contentSources.ownerOf(tx, facts.source);
  return owner ? { promoterId: owner, type: facts.source.type, ref: facts.source.id } : null;
}

async function storeOrigin(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
): Promise<Origin | null> {
  if (!facts.storeSlug) return null;
  const owner = await ctx.sources.ownerOfStore(tx, facts.storeSlug);
  return owner ? { promoterId: owner, type: 'store', ref: facts.storeSlug } : null;
}

/** Applies the binding rules and returns whoever the buyer is bound to afterwards (if still active). */
async function rebind(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
  origin: Origin | null,
  settings: Awaited<ReturnType<typeof currentSettings>>,
): Promise<string | null> {
  const now = ctx.clock.now();
  const row = await q.findBinding(tx, facts.buyerId);
  const current = row
    ? { promoterId: row.promoter_id, boundAt: row.bound_at, expiresAt: row.expires_at }
    : null;
  if (origin) {
    const decision = decideBinding({
      buyerId: facts.buyerId,
      candidateId: origin.promoterId,
      current,
      candidateBoundTo: (await q.findBinding(tx, origin.promoterId))?.promoter_id ?? null,
      buyerHasPaidBefore: await ctx.orders.hasPaidBefore(tx, facts.buyerId, facts.orderId),
      settings,
      now,
    });
    if (decision.bind) {
      await q.upsertBinding(tx, {
        buyer_id: facts.buyerId,
        promoter_id: origin.promoterId,
        origin_type: origin.type,
        origin_ref: origin.ref,
        order_id: facts.orderId,
        bound_at: now,
        expires_at: decision.expiresAt,
      });
      return origin.promoterId;
    }
  }
  return isActive(current, now) ? current.promoterId : null;
}

/**
 * The operator's choice decides what the flags do: the first flag among the holding signals holds
 * the commission for review; every other flag is recorded as a signal that holds nothing.
 */
function holdOf(flags: readonly RingFlag[], holding: readonly string[]) {
  const hold = flags.find((f) => holding.includes(f.signal));
  return {
    holdReason: hold?.signal ?? null,
    signals: flags.filter((f) => f !== hold).map((f) => f.signal),
  };
}

async function recordFlags(tx: Tx, commissionId: string, flags: readonly RingFlag[], now: Date) {
  for (const f of flags) {
    await tx.query(
      'INSERT INTO commission_flags (commission_id, signal, evidence, created_at) VALUES ($1, $2, $3, $4)',
      [commissionId, f.signal, JSON.stringify(f.evidence), now],
    );
  }
}
