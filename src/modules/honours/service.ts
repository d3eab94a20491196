import { dayIn } from '../../platform/calendar.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import type { DomainEvents, EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AccountsService } from '../accounts/index.js';
import type { OrdersService } from '../orders/index.js';
import type { StoresService } from '../stores/index.js';
import * as q from './queries.js';
import {
  BADGE_RULES,
  BADGES,
  type Badge,
  fullYears,
  isBadge,
  nextTier,
  placingScore,
  TIERS,
  type Tier,
  tierFor,
  tierRank,
  tiersUpTo,
} from './rules.js';
import type { Holders, MyBadge, PublicBadge } from './schemas.js';

export const YEARS_OF_SERVICE_JOB = 'honours.years-of-service';
const DAY_MS = 86_400_000;
const RECENT_HOLDERS = 5;

export interface HonoursDeps {
  db: Database;
  clock: Clock;
  /** The platform's time zone: an anniversary is a calendar day there. */
  timeZone: string;
  events: Pick<EventBus, 'publish'>;
  jobs: Pick<JobRunner, 'every'>;
  accounts: Pick<AccountsService, 'getUser' | 'namesOf'>;
  orders: Pick<OrdersService, 'attributionFacts' | 'statusHeld'>;
  stores: Pick<StoresService, 'shopkeepersSince'>;
}

export function createHonoursService(deps: HonoursDeps) {
  const { db, clock, events } = deps;

  /**
   * Counts one observation towards a badge and grants the tiers its count reaches. A ref seen
   * before counts nothing, so a job that runs twice changes nothing the second time. Only the
   * highest newly granted tier is announced (a 2nd place grants bronze and silver: one message).
   */
  async function observe(tx: Tx, userId: string, badge: Badge, ref: string, value = 1): Promise<void> {
    const now = clock.now();
    if (!(await q.observe(tx, { userId, badge, ref, value, at: now }))) return;
    const rule = BADGE_RULES[badge];
    const count =
      rule.measure === 'distinct'
        ? await q.addOne(tx, userId, badge, now)
        : await q.raiseTo(tx, userId, badge, value, now);
    await grantUpTo(tx, userId, badge, tierFor(rule, count), now);
  }

  async function grantUpTo(tx: Tx, userId: string, badge: Badge, tier: Tier | null, at: Date) {
    const granted = await q.grantTiers(tx, userId, badge, tiersUpTo(tier), at);
    const top = granted.sort((a, b) => tierRank(b) - tierRank(a))[0];
    if (top) await events.publish(tx, 'badge.granted', { userId, badge, tier: top });
  }

  /**
   * Counts an observation that an order stands behind (a sale, a customer), remembering the order:
   * when every order behind it is refunded in full, `onOrderRefunded` takes it back off the count.
   */
  async function observeOrder(tx: Tx, userId: string, badge: Badge, ref: string, orderId: string) {
    await q.lockCount(tx, userId, badge, clock.now());
    await q.addSource(tx, { userId, badge, ref, orderId });
    await observe(tx, userId, badge, ref);
  }

  const reactions = {
    /**
     * A level-1 commission is a sale through the promoter's own link or store (or by a buyer bound
     * to them): it counts as a sale (first sale, by order) and its buyer as a customer (by buyer).
     * Deeper levels are the team's sales, not the person's own. Only an order that stands counts:
     * one refunded in full before this job ran counts nothing (the share lock orders this with a
     * refund, whose own reaction then finds what was counted here).
     */
    onCommissionEarned: async (tx: Tx, e: DomainEvents['commission.earned']) => {
      if (e.level !== 1) return;
      if ((await deps.orders.statusHeld(tx, e.orderId)) === 'refunded') return;
      // The order is read through the orders module: its buyer is the customer.
      const facts = await deps.orders.attributionFacts(tx, e.orderId);
      if (!facts) return;
      await observeOrder(tx, e.userId, 'first_sale', `order:${e.orderId}`, e.orderId);
      if (facts.buyerId !== e.userId)
        await observeOrder(tx, e.userId, 'customers', `buyer:${facts.buyerId}`, e.orderId);
    },
    /**
     * An order refunded in full no longer stands behind what it counted: a customer whose every
     * counted order is refunded is no longer counted, nor is the sale. A badge already granted stays.
     */
    onOrderRefunded: async (tx: Tx, e: DomainEvents['order.refunded']) => {
      for (const s of await q.sourcesOfOrder(tx, e.orderId)) {
        const now = clock.now();
        await q.lockCount(tx, s.user_id, s.badge, now);
        const source = { userId: s.user_id, badge: s.badge, ref: s.ref, orderId: e.orderId };
        if (!(await q.removeSource(tx, source))) continue;
        if (await q.forget(tx, s.user_id, s.badge, s.ref)) await q.subtractOne(tx, s.user_id, s.badge, now);
      }
    },
    onCheckIn: (tx: Tx, e: DomainEvents['checkin.made']) =>
      observe(tx, e.userId, 'check_in_streak', `day:${e.day}`, e.streak),
    onLessonCompleted: (tx: Tx, e: DomainEvents['lesson.completed']) =>
      observe(tx, e.userId, 'lessons', `lesson:${e.lessonId}`),
    onCompetitionPlaced: async (tx: Tx, e: DomainEvents['competition.placed']) => {
      const score = placingScore(e.rank);
      if (score > 0) await observe(tx, e.userId, 'competition', `competition:${e.competitionId}`, score);
    },
  };

  /** Daily: each shopkeeper's full years since approval; an anniversary observed once per year reached. */
  async function recognizeService(now: Date): Promise<void> {
    const today = dayIn(deps.timeZone, now);
    for (const { userId, since } of await deps.stores.shopkeepersSince(db)) {
      const years = fullYears(dayIn(deps.timeZone, since), today);
      if (years === 0) continue;
      await db.transaction((tx) => observe(tx, userId, 'service_years', `years:${years}`, years));
    }
  }
  deps.jobs.every(YEARS_OF_SERVICE_JOB, DAY_MS, (_payload, job) => recognizeService(job.now));

  async function myBadges(userId: string) {
    const [held, counts] = await Promise.all([q.heldBy(db, userId), q.countsOf(db, userId)]);
    const countOf = new Map(counts.map((c) => [c.badge, c.count]));
    const items: MyBadge[] = BADGES.map((badge) => {
      const rule = BADGE_RULES[badge];
      const top = topOf(held, badge);
      const next = nextTier(rule, top?.tier ?? null);
      return {
        badge,
        tier: top?.tier ?? null,
        count: countOf.get(badge) ?? 0,
        nextTier: next?.tier ?? null,
        nextThreshold: next?.threshold ?? null,
        thresholds: [...rule.thresholds],
        grantedAt: top ? top.granted_at.toISOString() : null,
      };
    });
    return { items, nextCursor: null };
  }

  /** Anyone's earned badges, top tier only, in badge order; an unknown person is 404. */
  async function publicBadges(userId: string) {
    await deps.accounts.getUser(userId, db);
    const held = await q.heldBy(db, userId);
    const items: PublicBadge[] = [];
    for (const badge of BADGES) {
      const top = topOf(held, badge);
      if (top) items.push({ badge, tier: top.tier });
    }
    return { items, nextCursor: null };
  }

  /** Every badge and tier, held or not, with how many hold it and the latest few holders by name. */
  async function holders() {
    const rows = await q.holders(db, RECENT_HOLDERS);
    const names = await deps.accounts.namesOf(db, [...new Set(rows.flatMap((r) => r.recent))]);
    const items: Holders[] = [];
    for (const badge of BADGES) {
      BADGE_RULES[badge].thresholds.forEach((_, i) => {
        const tier = TIERS[i] as Tier;
        const row = rows.find((r) => r.badge === badge && r.tier === tier);
        items.push({
          badge,
          tier,
          holders: row?.holders ?? 0,
          recent: (row?.recent ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
        });
      });
    }
    return { items, nextCursor: null };
  }

  /**
   * Counts carried over from before this platform (an operator moving shopkeepers from an older
   * system; the demo's shop history): the count becomes at least `count`, and its tiers are granted.
   */
  async function carryOver(tx: Tx, userId: string, badge: Badge, count: number): Promise<void> {
    const now = clock.now();
    const after = await q.raiseTo(tx, userId, badge, count, now);
    await grantUpTo(tx, userId, badge, tierFor(BADGE_RULES[badge], after), now);
  }

  return {
    reactions,
    myBadges,
    publicBadges,
    holders,
    carryOver,
    /** The recurring job's work, for tests and the demo that move the clock. */
    recognizeService: (now: Date) => recognizeService(now),
  };
}

function topOf(held: readonly q.HeldRow[], badge: string): q.HeldRow | undefined {
  let top: q.HeldRow | undefined;
  for (const row of held) {
    if (isBadge(row.badge) && row.badge === badge && tierRank(row.tier) > tierRank(top?.tier ?? null))
      top = row;
  }
  return top;
}

export type HonoursService = ReturnType<typeof createHonoursService>;
