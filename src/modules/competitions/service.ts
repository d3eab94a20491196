import { days } from '../../platform/clock.js';
import type { Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { initialOf } from '../../platform/privacy.js';
import { type AuditContext, record } from '../audit/index.js';
import { awardCompetition, awardEnded } from './awards.js';
import { AWARD_JOB, AWARD_ONE_JOB, type CompetitionsContext } from './context.js';
import { presentAdminCompetition, presentCompetition } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  AWARD_GRACE_MS,
  canonicalPrizes,
  competitionMachine,
  leaderboardName,
  lockedField,
  type Prize,
  type Problem,
  periodProblems,
  prizeForRank,
  prizeProblems,
  rankScores,
} from './rules.js';
import type { AdminCompetitionDetailView, CompetitionInput, CompetitionView } from './schemas.js';
import { scoringReactions } from './scoring.js';

export type { CompetitionInput };

const AWARD_EVERY_MS = 60_000;
/** Ended competitions stay in the public list this long. */
const RECENT_MS = days(30);
/** The operator's results list every scored person up to this many. */
const RESULTS_LIMIT = 200;

type PageArgs = { limit?: number; cursor?: string };

const fieldErrors = (problems: Problem[]): AppError =>
  new AppError(
    'invalid_input',
    'The competition is invalid',
    problems.map((p) => ({ path: p.path, message: p.message, rule: p.rule })),
  );

export function createCompetitionsService(
  ctx: CompetitionsContext,
  deps: { jobs: Pick<JobRunner, 'every' | 'register' | 'enqueue'> },
) {
  const { db, clock } = ctx;
  deps.jobs.every(AWARD_JOB, AWARD_EVERY_MS, async (_payload, job) => {
    await awardEnded(ctx, job.db, job.now);
  });
  // Each competition is awarded when its grace ends; a run for an end that moved is a no-op.
  deps.jobs.register(AWARD_ONE_JOB, async (payload, job) => {
    await awardCompetition(ctx, job.db, String(payload.competitionId));
  });
  const scheduleAward = (conn: Queryable, id: string, endsAt: Date) =>
    deps.jobs.enqueue(
      conn,
      AWARD_ONE_JOB,
      { competitionId: id },
      { runAt: new Date(endsAt.getTime() + AWARD_GRACE_MS) },
    );

  /** The body as stored: a valid period in the future's reach, prizes in order, coupons that exist. */
  async function validated(input: CompetitionInput) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const prizes = canonicalPrizes(input.prizes as Prize[]);
    const problems = [...periodProblems({ startsAt, endsAt }), ...prizeProblems(input.prizes as Prize[])];
    if (endsAt <= clock.now() && !problems.some((p) => p.path === '/endsAt'))
      problems.push({ path: '/endsAt', message: 'must be in the future', rule: 'future' });
    for (const [i, prize] of input.prizes.entries()) {
      if (prize.kind !== 'coupon') continue;
      const exists = await ctx.coupons.getTemplate(prize.couponTemplateId).then(
        () => true,
        () => false,
      );
      if (!exists)
        problems.push({ path: `/prizes/${i}/couponTemplateId`, message: 'is not a coupon', rule: 'unknown' });
    }
    if (problems.length > 0) throw fieldErrors(problems);
    return {
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      metric: input.metric,
      starts_at: startsAt,
      ends_at: endsAt,
      prizes,
    };
  }

  async function create(input: CompetitionInput, by?: AuditContext) {
    const fields = await validated(input);
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const inserted = await q.insertCompetition(tx, {
        id: newId(),
        ...fields,
        status: 'scheduled',
        created_at: now,
        updated_at: now,
        awarded_at: null,
      });
      await scheduleAward(tx, inserted.id, inserted.ends_at);
      const target = { type: 'competition', id: inserted.id };
      await record(tx, { by, at: now, action: 'competition.create', target, before: null, after: inserted });
      return inserted;
    });
    return presentAdminCompetition(row, now, 0);
  }

  async function update(id: string, input: CompetitionInput, by?: AuditContext) {
    const fields = await validated(input);
    return db.transaction(async (tx) => {
      const c = await q.lockCompetition(tx, id);
      if (!c) throw notFound('Competition');
      const now = clock.now();
      if (c.status !== 'scheduled' || now >= c.ends_at)
        throw refuse('competition_closed', { status: c.status }, 'This competition can no longer change');
      const field = lockedField(
        { metric: c.metric, startsAt: c.starts_at, endsAt: c.ends_at, prizes: c.prizes },
        { metric: fields.metric, startsAt: fields.starts_at, endsAt: fields.ends_at, prizes: fields.prizes },
        now,
      );
      if (field)
        throw refuse(
          'competition_locked',
          { field },
          `The competition is running: ${field} can no longer change`,
        );
      const row = await q.updateCompetition(tx, id, { ...fields, updated_at: now });
      const target = { type: 'competition', id };
      await record(tx, { by, at: now, action: 'competition.update', target, before: c, after: row });
      if (row.ends_at.getTime() !== c.ends_at.getTime()) await scheduleAward(tx, id, row.ends_at);
      return presentAdminCompetition(row, now, await q.listedCount(tx, id));
    });
  }

  async function cancel(id: string, by?: AuditContext) {
    return db.transaction(async (tx) => {
      const c = await q.lockCompetition(tx, id);
      if (!c) throw notFound('Competition');
      const now = clock.now();
      if (c.status === 'scheduled' && now >= c.starts_at)
        throw refuse(
          'competition_started',
          { startsAt: c.starts_at.toISOString() },
          'The competition has started; it can no longer be cancelled',
        );
      competitionMachine.assertTransition(c.status, 'cancelled');
      await q.setStatus(tx, id, 'cancelled', competitionMachine.fromStates('cancelled'), now);
      const target = { type: 'competition', id };
      const after = { status: 'cancelled' };
      await record(tx, {
        by,
        at: now,
        action: 'competition.cancel',
        target,
        before: { status: c.status },
        after,
      });
      return presentAdminCompetition((await q.findCompetition(tx, id)) as q.CompetitionRow, now, 0);
    });
  }

  async function list(filter: q.ListFilter, p: PageArgs) {
    const limit = p.limit ?? 20;
    const now = clock.now();
    const before = decodeTimeCursor(p.cursor);
    const rows = await q.listCompetitions(db, {
      filter,
      now,
      since: new Date(now.getTime() - RECENT_MS),
      limit,
      before,
    });
    return {
      rows: rows.slice(0, limit),
      page: toPage(
        rows,
        limit,
        (r) => [r.starts_at.toISOString(), r.id],
        (r) => r,
      ),
    };
  }

  async function publicList(status: 'upcoming' | 'running' | 'ended' | undefined, p: PageArgs) {
    const now = clock.now();
    const { page } = await list(status ?? 'recent', p);
    return { ...page, items: page.items.map((r) => presentCompetition(r, now)) };
  }

  async function adminList(p: PageArgs) {
    const now = clock.now();
    const { rows, page } = await list('all', p);
    const counts = await q.participantCounts(
      db,
      rows.map((r) => r.id),
    );
    return { ...page, items: page.items.map((r) => presentAdminCompetition(r, now, counts.get(r.id) ?? 0)) };
  }

  /** A visible competition (a cancelled one never ran: to the public it does not exist). */
  async function visible(id: string) {
    const c = await q.findCompetition(db, id);
    if (!c || c.status === 'cancelled') throw notFound('Competition');
    return c;
  }

  async function standingOf(c: q.CompetitionRow, viewerId: string) {
    const listed = await q.isListed(db, viewerId);
    const mine = await q.scoreOf(db, c.id, viewerId);
    if (!mine) return { rank: null, score: 0, listed, prize: null };
    if (c.status === 'awarded') {
      const won = await q.prizeOf(db, c.id, viewerId);
      const prize = won ? (prizeForRank(c.prizes, won.rank) ?? null) : null;
      return { rank: mine.final_rank, score: mine.score, listed, prize };
    }
    const rank = (await q.listedAhead(db, c.id, mine)) + 1;
    return { rank, score: mine.score, listed, prize: listed ? (prizeForRank(c.prizes, rank) ?? null) : null };
  }

  /** The competition with its leaderboard (listed people only) and, signed in, where the viewer stands. */
  async function get(id: string, viewerId: string | null, top = 20): Promise<CompetitionView> {
    const c = await visible(id);
    const now = clock.now();
    const awarded = c.status === 'awarded';
    const rows = awarded ? await q.topFinal(db, id, top) : await q.topListed(db, id, top);
    const ranked = awarded
      ? rows.map((r) => ({ userId: r.user_id, score: r.score, rank: r.final_rank as number }))
      : rankScores(rows.map((r) => ({ userId: r.user_id, score: r.score, reachedAt: r.reached_at })));
    const names = await ctx.accounts.namesOf(
      db,
      ranked.map((r) => r.userId),
    );
    const leaderboard = ranked.map((r) => {
      const name = names.get(r.userId) ?? '';
      return {
        rank: r.rank,
        name: leaderboardName(viewerId, { id: r.userId, name }),
        initial: initialOf(name),
        score: r.score,
        isMe: r.userId === viewerId,
        prize: prizeForRank(c.prizes, r.rank) ?? null,
      };
    });
    return {
      ...presentCompetition(c, now),
      participants: await q.listedCount(db, id),
      leaderboard,
      me: viewerId ? await standingOf(c, viewerId) : null,
    };
  }

  /** The operator's view: every scored person in full (listed or not) and the prizes paid. */
  async function adminGet(id: string): Promise<AdminCompetitionDetailView> {
    const c = await q.findCompetition(db, id);
    if (!c) throw notFound('Competition');
    const now = clock.now();
    const scores = await q.allScores(db, id, RESULTS_LIMIT);
    const prizes = await q.prizesOf(db, id);
    const names = await ctx.accounts.namesOf(db, [
      ...scores.map((s) => s.user_id),
      ...prizes.map((p) => p.user_id),
    ]);
    const person = (userId: string) => ({ id: userId, name: names.get(userId) ?? '' });
    let rank = 0;
    const results = scores.map((s) => ({
      rank: c.status === 'awarded' ? s.final_rank : s.listed ? ++rank : null,
      user: person(s.user_id),
      score: s.score,
      listed: s.listed,
      reachedAt: s.reached_at.toISOString(),
    }));
    const awards = prizes.flatMap((p) => {
      const prize = prizeForRank(c.prizes, p.rank);
      if (!prize) return [];
      return [
        {
          rank: p.rank,
          user: person(p.user_id),
          prize,
          userCouponId: p.user_coupon_id,
          awardedAt: p.awarded_at.toISOString(),
        },
      ];
    });
    return { ...presentAdminCompetition(c, now, results.filter((r) => r.listed).length), results, awards };
  }

  return {
    create,
    update,
    cancel,
    list: publicList,
    adminList,
    get,
    adminGet,
    leaderboardPreference: async (userId: string) => ({ listed: await q.isListed(db, userId) }),
    setLeaderboardPreference: async (userId: string, listed: boolean) => {
      await q.setListed(db, userId, listed, clock.now());
      return { listed };
    },
    /** Pays the prizes of every competition due now (the recurring job's work, for tests and the demo). */
    awardEnded: () => awardEnded(ctx, db, clock.now()),
    awardCompetition: (id: string) => awardCompetition(ctx, db, id),
    /** Wired in src/reactions.ts as deferred reactions. */
    reactions: scoringReactions(ctx),
  };
}

export type CompetitionsService = ReturnType<typeof createCompetitionsService>;
