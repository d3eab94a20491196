import { addDays, dayIn, monthOf } from '../../platform/calendar.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import { type AuditContext, record } from '../audit/index.js';
import type { PointsService } from '../points/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  cardsLeft,
  currentStreak,
  DEFAULT_SETTINGS,
  makeUpDays,
  makeUpRefusal,
  pointsForStreakDay,
  streakEndingOn,
  upcomingPoints,
} from './rules.js';
import type { CalendarView, Settings } from './schemas.js';

export interface CheckinsContext {
  db: Database;
  clock: Clock;
  /** The platform's time zone (TIME_ZONE): a check-in belongs to the day on the shop's wall. */
  timeZone: string;
  points: Pick<PointsService, 'earn'>;
  events: Pick<EventBus, 'publish'>;
}

/** The first day of `month` (YYYY-MM) and the first day of the month after it. */
function monthRange(month: string): [string, string] {
  const first = `${month}-01`;
  return [first, `${monthOf(addDays(first, 31))}-01`];
}

/** The points posting of a check-in: its reference makes the grant once per person and day. */
const pointsRef = (userId: string, day: string) => `checkin:${userId}:${day}`;

/**
 * Daily check-ins. Once per person per calendar day of the platform's time zone, enforced by the
 * primary key (user, day); the points and `checkin.made` go in the check-in's transaction, so a
 * check-in either happened with its points and its event, or not at all.
 *
 * Make-up cards (the rule chosen): a card fills one missed day of the current month before today;
 * the day joins the streak but earns no points, and no `checkin.made` is published for it (a task
 * or a badge counts days a person really came). The next check-in earns the longer streak's bonus.
 */
export function createCheckinsService(ctx: CheckinsContext) {
  const { db, clock } = ctx;
  /** Today in the platform's time zone. */
  const today = () => dayIn(ctx.timeZone, clock.now());
  const settings = async (conn: Tx | Database) => (await q.loadSettings(conn)) ?? DEFAULT_SETTINGS;

  /** Checks the person in today: 201 with the points earned and the streak, or 409 `already_checked_in`. */
  async function checkIn(userId: string): Promise<{ points: number; streak: number }> {
    return checkInOn(userId, today());
  }

  /**
   * Checks the person in on `day` as if it were that day. The API checks in today only; the demo
   * loads a history through this, in the order the days came.
   */
  async function checkInOn(userId: string, day: string) {
    return db.transaction(async (tx) => {
      await q.lockPerson(tx, userId);
      const days = await q.daysOf(tx, userId);
      const streak = streakEndingOn(days, addDays(day, -1)) + 1;
      const points = pointsForStreakDay(await settings(tx), streak);
      const made = await q.insert(tx, {
        user_id: userId,
        day,
        made_up: false,
        streak,
        points,
        created_at: clock.now(),
      });
      if (!made) throw refuse('already_checked_in', { day }, 'You already checked in today');
      if (points > 0)
        await ctx.points.earn(tx, { userId, points, reason: 'checkin', ref: pointsRef(userId, day) });
      await ctx.events.publish(tx, 'checkin.made', { userId, day, streak, points });
      return { points, streak };
    });
  }

  /** Fills a missed day of this month with a make-up card (see the rule above). */
  async function makeUp(userId: string, day: string) {
    const now = today();
    const [from, to] = monthRange(monthOf(now));
    return db.transaction(async (tx) => {
      await q.lockPerson(tx, userId);
      const { makeUpCardsPerMonth: perMonth } = await settings(tx);
      const checked = await q.daysOf(tx, userId);
      const used = await q.cardsUsed(tx, userId, from, to);
      const refusal = makeUpRefusal({ day, today: now, checked, cardsPerMonth: perMonth, cardsUsed: used });
      if (refusal === 'make_up_off') throw refuse(refusal, undefined, 'Make-up cards are off');
      if (refusal === 'make_up_no_cards')
        throw refuse(refusal, { perMonth }, 'This month’s make-up cards are used up');
      if (refusal) throw refuse(refusal, { day }, 'A make-up card cannot fill this day');
      checked.add(day);
      await q.insert(tx, {
        user_id: userId,
        day,
        made_up: true,
        streak: streakEndingOn(checked, day),
        points: 0,
        created_at: clock.now(),
      });
      return {
        day,
        points: 0,
        streak: currentStreak(checked, now),
        makeUpCardsLeft: cardsLeft(perMonth, used + 1),
      };
    });
  }

  /** The person's month (the current one by default) with the streak, cards and what comes next. */
  async function calendar(userId: string, month?: string): Promise<CalendarView> {
    const now = today();
    const shown = month ?? monthOf(now);
    const table = await settings(db);
    const checked = await q.daysOf(db, userId);
    const [from, to] = monthRange(monthOf(now));
    const used = await q.cardsUsed(db, userId, from, to);
    const left = cardsLeft(table.makeUpCardsPerMonth, used);
    const upcoming = upcomingPoints(table, checked, now);
    const rows = await q.between(db, userId, ...monthRange(shown));
    return {
      today: now,
      timeZone: ctx.timeZone,
      month: shown,
      checkedInToday: checked.has(now),
      streak: currentStreak(checked, now),
      days: rows.map((r) => ({ day: r.day, madeUp: r.made_up, points: r.points })),
      pointsToday: upcoming.today,
      pointsTomorrow: upcoming.tomorrow,
      makeUpCardsPerMonth: table.makeUpCardsPerMonth,
      makeUpCardsLeft: left,
      makeUpDays: makeUpDays({
        today: now,
        checked,
        cardsPerMonth: table.makeUpCardsPerMonth,
        cardsUsed: used,
      }),
      bonus: { streakPoints: [...table.streakPoints], beyondPoints: table.beyondPoints },
    };
  }

  const getSettings = async (): Promise<Settings> => {
    const s = await settings(db);
    return { ...s, streakPoints: [...s.streakPoints] };
  };

  /** The operator's table; applies from the next check-in (points already earned stay). */
  async function updateSettings(next: Settings, by?: AuditContext): Promise<Settings> {
    await db.transaction(async (tx) => {
      const before = await settings(tx);
      const at = clock.now();
      await q.saveSettings(tx, next, at);
      const target = { type: 'settings', id: 'check-ins' };
      await record(tx, { by, at, action: 'check-ins.settings.update', target, before, after: next });
    });
    return getSettings();
  }

  return { today, checkIn, checkInOn, makeUp, calendar, settings: getSettings, updateSettings };
}

export type CheckinsService = ReturnType<typeof createCheckinsService>;
