import { bpsOf, prorate } from '../../platform/money.js';
import { defineMachine } from '../../platform/state-machine.js';
import type { RingSignal } from './context.js';

/**
 * A commission's life: earned as pending, settled once its return window passed (un-held), and
 * reversed by a refund, a lost dispute or the operator's review, settled or not. A hold is not a
 * state: it is `hold_reason`, which keeps a pending commission from settling.
 */
export type CommissionStatus = 'pending' | 'settled' | 'reversed';
export const commissionMachine = defineMachine<CommissionStatus>('commission', {
  pending: ['settled', 'reversed'],
  settled: ['reversed'],
  reversed: [],
});

/** A withdrawal is asked for, then paid out (`approved` in the API's events) or rejected: once. */
export type WithdrawalStatus = 'requested' | 'paid' | 'rejected';
export const withdrawalMachine = defineMachine<WithdrawalStatus>('withdrawal', {
  requested: ['paid', 'rejected'],
  paid: [],
  rejected: [],
});

/**
 * Pure distribution rules: who is bound to whom, and how a paid order's commission is split.
 *
 * Rounding rule: each line's share of the paid amount is found by largest remainder (so the
 * shares add up to the paid amount exactly), each level's commission on a line is rounded DOWN to
 * the minor unit, and whatever rounding leaves over stays with the platform.
 */
export const HARD_MAX_LEVELS = 3;

export interface DistributionSettings {
  maxLevels: number;
  ratesBps: number[];
  attribution: 'first_binding' | 'last_click';
  /** Bindings lapse after this many days; null = they never lapse. */
  bindingDays: number | null;
  /** Only people who have never paid for an order can be bound. */
  newUsersOnly: boolean;
  /** All levels together never get more than this share of the paid amount. */
  capBps: number;
  minWithdrawal: number;
  /** The ring signals that hold a commission for review; the others are recorded as flags only. */
  holdingSignals: RingSignal[];
  /** Who earns level 1 when an order came through content and someone else's share link: see `creditPlan`. */
  contentCredit: ContentCredit;
  /** The community leader's rate on an order collected in their community; 0 = leaders earn nothing. */
  leaderRateBps: number;
}

/** The market policy's limits on commission (platform/policy.ts): levels paid and the total payout. */
export interface CommissionLimits {
  maxCommissionLevels: number;
  payoutCapBps: number;
}

/**
 * The operator's settings as the market policy lets them apply to a new commission: no deeper than
 * its levels, no more in all than its cap. Saved settings are never rewritten, so a switch of
 * profile applies from the next order on and a switch back restores the operator's own.
 */
export function withinPolicy<S extends Pick<DistributionSettings, 'maxLevels' | 'ratesBps' | 'capBps'>>(
  settings: S,
  limits: CommissionLimits | undefined,
): S {
  if (!limits) return settings;
  const maxLevels = Math.min(settings.maxLevels, limits.maxCommissionLevels);
  return {
    ...settings,
    maxLevels,
    ratesBps: settings.ratesBps.slice(0, maxLevels),
    capBps: Math.min(settings.capBps, limits.payoutCapBps),
  };
}

/**
 * When a buyer reached a post or live room through another person's share link, who is the level-1
 * promoter: the `sharer` (as share links always worked, the default: an operator's commissions do
 * not change until they choose), the content's `author`, or both (`split`, see `splitLevelOne`).
 */
export const CONTENT_CREDITS = ['sharer', 'author', 'split'] as const;
export type ContentCredit = (typeof CONTENT_CREDITS)[number];

/**
 * Which role a commission row was earned in: the sharer's chain, the content's author, or the
 * leader of the community the order is collected in.
 */
export const COMMISSION_ROLES = ['sharer', 'author', 'leader'] as const;
export type CommissionRole = (typeof COMMISSION_ROLES)[number];

export interface CreditPlan {
  /** Whose origin the order is attributed to (binding, level 1 and the chain above): or none. */
  origin: 'link' | 'content' | null;
  /** In a split, the author who shares level 1 with the sharer; null otherwise. */
  splitWith: string | null;
}

/**
 * Who an order is credited to, from who stands behind its share link (`sharer`) and behind the
 * content it came through (`author`), both already without disabled people. Content alone credits
 * its author like a share link; a link alone, or a link of the author themself, credits as always;
 * both of different people follow the operator's `contentCredit`. The buyer is never the author
 * here: an author buying through their own post, on someone else's link, leaves that sharer the
 * whole level 1 in every mode (crediting the buyer would pay nobody).
 */
export function creditPlan(input: {
  buyerId: string;
  sharer: string | null;
  author: string | null;
  contentCredit: ContentCredit;
}): CreditPlan {
  const { sharer } = input;
  const author = input.author === input.buyerId ? null : input.author;
  if (author === null) return { origin: sharer === null ? null : 'link', splitWith: null };
  if (sharer === null) return { origin: 'content', splitWith: null };
  if (sharer === author || input.contentCredit === 'sharer') return { origin: 'link', splitWith: null };
  if (input.contentCredit === 'author') return { origin: 'content', splitWith: null };
  return { origin: 'link', splitWith: author };
}

/**
 * A split level-1 commission. Rounding rule: the author gets floor(amount / 2), the sharer the rest
 * (so the odd minor unit goes to the sharer, who brought the buyer); the parts add up to the amount.
 */
export function splitLevelOne(amount: number): { author: number; sharer: number } {
  const author = Math.floor(Math.max(0, amount) / 2);
  return { author, sharer: Math.max(0, amount) - author };
}

export interface CommissionLine {
  /** The line's total before the order's discount. */
  lineTotal: number;
  /** The product's own level-1 rate, replacing the operator's level-1 rate for this line. */
  overrideBps: number | null;
  /** The product's own leader rate, replacing the operator's leader rate for this line. */
  leaderOverrideBps?: number | null;
}

export interface CommissionShare {
  level: number;
  /** Absent: `sharer`. */
  role?: CommissionRole;
  promoterId: string;
  rateBps: number;
  amount: number;
}

/**
 * The commissions a paid order earns. `chain` is the level-1 promoter followed by whoever invited
 * them, nearest first. The buyer never earns on their own purchase: a chain starting with the buyer
 * earns nothing, and a level held by the buyer is skipped (not shifted up).
 */
export function splitCommission(input: {
  buyerId: string;
  paidAmount: number;
  lines: readonly CommissionLine[];
  chain: readonly string[];
  settings: Pick<DistributionSettings, 'maxLevels' | 'ratesBps' | 'capBps'>;
  /** Each chain member's multiplier in basis points (10000 = ×1, the default), before the cap. */
  multipliersBps?: readonly number[];
}): CommissionShare[] {
  const { buyerId, paidAmount, lines, chain, settings } = input;
  if (paidAmount <= 0 || chain.length === 0 || chain[0] === buyerId) return [];
  const levels = Math.min(settings.maxLevels, HARD_MAX_LEVELS, chain.length);
  const linePaid = prorate(
    paidAmount,
    lines.map((l) => l.lineTotal),
  );
  const shares: CommissionShare[] = [];
  for (let level = 1; level <= levels; level++) {
    const promoterId = chain[level - 1] as string;
    if (promoterId === buyerId) continue;
    const levelRate = settings.ratesBps[level - 1] ?? 0;
    const amount = lines.reduce((sum, line, i) => {
      const rate = level === 1 && line.overrideBps !== null ? line.overrideBps : levelRate;
      return sum + bpsOf(linePaid[i] ?? 0, rate);
    }, 0);
    const multiplied = bpsOf(amount, input.multipliersBps?.[level - 1] ?? 10_000);
    shares.push({ level, promoterId, rateBps: levelRate, amount: multiplied });
  }
  return applyCap(shares, bpsOf(paidAmount, settings.capBps)).filter((s) => s.amount > 0);
}

/**
 * The shares with level 1 divided between its promoter and `author` (a split): the level-1
 * promoter keeps the larger half, the author gets the other as a role `author` row, the levels
 * above are unchanged. A part of 0 earns no row.
 */
export function withAuthorSplit(shares: readonly CommissionShare[], author: string): CommissionShare[] {
  const result: CommissionShare[] = [];
  for (const share of shares) {
    if (share.level !== 1) {
      result.push(share);
      continue;
    }
    const parts = splitLevelOne(share.amount);
    result.push({ ...share, amount: parts.sharer });
    result.push({ ...share, role: 'author', promoterId: author, amount: parts.author });
  }
  return result.filter((s) => s.amount > 0);
}

/**
 * The shares with the community leader's commission added, for an order collected at a pickup point.
 * Each line earns floor(its share of the paid amount × its rate) — the product's leader rate, else
 * the operator's — outside the chain's cap (the leader is paid for handing goods out, not for a
 * referral). Nothing on the leader's own purchase. A leader never earns twice on one order: if the
 * leader also earns in the chain (as promoter or author), the larger of the two amounts is kept —
 * the leader's on a tie — and the other dropped; nobody moves up into a dropped level.
 */
export function withLeaderShare(
  shares: readonly CommissionShare[],
  input: {
    leaderId: string | null;
    buyerId: string;
    paidAmount: number;
    lines: readonly CommissionLine[];
    leaderRateBps: number;
  },
): CommissionShare[] {
  const { leaderId } = input;
  if (leaderId === null || leaderId === input.buyerId || input.paidAmount <= 0) return [...shares];
  const linePaid = prorate(
    input.paidAmount,
    input.lines.map((l) => l.lineTotal),
  );
  const amount = input.lines.reduce(
    (sum, line, i) => sum + bpsOf(linePaid[i] ?? 0, line.leaderOverrideBps ?? input.leaderRateBps),
    0,
  );
  const inChain = shares.filter((s) => s.promoterId === leaderId);
  const chainAmount = inChain.reduce((sum, s) => sum + s.amount, 0);
  if (amount <= 0 || amount < chainAmount) return [...shares];
  const leader: CommissionShare = {
    level: 1,
    role: 'leader',
    promoterId: leaderId,
    rateBps: input.leaderRateBps,
    amount,
  };
  return [...shares.filter((s) => s.promoterId !== leaderId), leader];
}

/** Trims the deepest levels first until the total fits under the cap: the direct sharer is paid last to lose. */
export function applyCap(shares: readonly CommissionShare[], cap: number): CommissionShare[] {
  let excess = shares.reduce((s, x) => s + x.amount, 0) - cap;
  const result = shares.map((s) => ({ ...s }));
  for (let i = result.length - 1; i >= 0 && excess > 0; i--) {
    const share = result[i] as CommissionShare;
    const cut = Math.min(share.amount, excess);
    share.amount -= cut;
    excess -= cut;
  }
  return result;
}

export interface Binding {
  promoterId: string;
  boundAt: Date;
  expiresAt: Date | null;
}

export const isActive = (binding: Binding | null, now: Date): binding is Binding =>
  binding !== null && (binding.expiresAt === null || binding.expiresAt > now);

/** Why a buyer was not (re)bound: bindings are silent, so these are recorded outcomes, not refusals. */
export type BindingRefusal = 'self' | 'loop' | 'already_bound' | 'bound_to_other' | 'not_new_user';
export type BindingDecision =
  | { bind: false; reason: BindingRefusal }
  | { bind: true; expiresAt: Date | null };

/**
 * Whether a buyer arriving through `candidate`'s link or store becomes bound to them.
 * Refused: binding to oneself, and loops (the candidate is bound to this buyer).
 */
export function decideBinding(input: {
  buyerId: string;
  candidateId: string;
  current: Binding | null;
  candidateBoundTo: string | null;
  buyerHasPaidBefore: boolean;
  settings: Pick<DistributionSettings, 'attribution' | 'bindingDays' | 'newUsersOnly'>;
  now: Date;
}): BindingDecision {
  const { buyerId, candidateId, current, settings, now } = input;
  if (candidateId === buyerId) return { bind: false, reason: 'self' };
  if (input.candidateBoundTo === buyerId) return { bind: false, reason: 'loop' };
  const active = isActive(current, now);
  if (active && current.promoterId === candidateId) return { bind: false, reason: 'already_bound' };
  if (active && settings.attribution === 'first_binding') return { bind: false, reason: 'bound_to_other' };
  if (!active && settings.newUsersOnly && input.buyerHasPaidBefore)
    return { bind: false, reason: 'not_new_user' };
  const expiresAt =
    settings.bindingDays === null ? null : new Date(now.getTime() + settings.bindingDays * 86_400_000);
  return { bind: true, expiresAt };
}

/**
 * Who is the level-1 promoter of an order: with last-click attribution, the sharer this order came
 * through; with first-binding, whoever the buyer is (now) bound to, else that sharer.
 */
export function levelOnePromoter(input: {
  attribution: DistributionSettings['attribution'];
  viaSharer: string | null;
  boundPromoter: string | null;
}): string | null {
  if (input.attribution === 'last_click') return input.viaSharer ?? input.boundPromoter;
  return input.boundPromoter ?? input.viaSharer;
}

/**
 * What a commission is worth once part of its order was refunded: the share of the order still
 * paid for, floor(earned × (total − refundedAmount) / total), in exact integer arithmetic. Always
 * computed from what was earned, so a sequence of partial refunds rounds once, not once per refund;
 * a full refund leaves 0. The rounding remainder stays with the platform, as when earning.
 */
export function commissionAfterRefunds(earned: number, total: number, refundedAmount: number): number {
  if (total <= 0 || refundedAmount >= total) return 0;
  const kept = BigInt(total - Math.max(0, refundedAmount));
  return Number((BigInt(earned) * kept) / BigInt(total));
}
