/** Pure rules of daily check-ins: streaks, the bonus for a streak day, make-up cards. No I/O. */
import { addDays, monthOf } from '../../platform/calendar.js';

/** Days the operator prices one by one; every streak day after them earns `beyondPoints`. */
export const STREAK_TABLE_DAYS = 7;

/** Points for streak day 1..7 (`streakPoints[0]` is day 1), and for every day after the 7th. */
export interface BonusTable {
  streakPoints: readonly number[];
  beyondPoints: number;
}

export interface CheckInSettings extends BonusTable {
  /** Missed days of the current month a person may fill, per calendar month; 0 turns cards off. */
  makeUpCardsPerMonth: number;
}

/** What applies until the operator saves their own table: a week that doubles, then 30 a day. */
export const DEFAULT_SETTINGS: CheckInSettings = {
  streakPoints: [5, 5, 10, 10, 15, 15, 30],
  beyondPoints: 30,
  makeUpCardsPerMonth: 1,
};

/** Consecutive days in `days` that end on `end` (inclusive); 0 when `end` itself is missing. */
export function streakEndingOn(days: ReadonlySet<string>, end: string): number {
  let length = 0;
  for (let day = end; days.has(day); day = addDays(day, -1)) length++;
  return length;
}

/**
 * The streak a person sees today: the run ending today once they checked in, else the run ending
 * yesterday, which today's check-in would continue (a missed day before that has reset it to 0).
 */
export function currentStreak(days: ReadonlySet<string>, today: string): number {
  return days.has(today) ? streakEndingOn(days, today) : streakEndingOn(days, addDays(today, -1));
}

/** The points the `streakDay`-th day of a streak (1-based) earns. */
export function pointsForStreakDay(table: BonusTable, streakDay: number): number {
  if (streakDay < 1) return 0;
  return streakDay <= table.streakPoints.length
    ? (table.streakPoints[streakDay - 1] ?? 0)
    : table.beyondPoints;
}

/**
 * What checking in earns today and tomorrow. Tomorrow's assumes today's check-in is made (done, or
 * still to do): only then does the streak go on, which is what the page encourages.
 */
export function upcomingPoints(table: BonusTable, days: ReadonlySet<string>, today: string) {
  const streakToday = streakEndingOn(days, addDays(today, -1)) + 1;
  return {
    today: pointsForStreakDay(table, streakToday),
    tomorrow: pointsForStreakDay(table, streakToday + 1),
  };
}

export const cardsLeft = (perMonth: number, usedThisMonth: number): number =>
  Math.max(0, perMonth - usedThisMonth);

export type MakeUpRefusal =
  | 'make_up_off'
  | 'make_up_not_past'
  | 'make_up_other_month'
  | 'make_up_day_checked'
  | 'make_up_no_cards';

export interface MakeUpAsk {
  day: string;
  today: string;
  checked: ReadonlySet<string>;
  cardsPerMonth: number;
  /** Cards used on days of today's month (a card only fills a day of the current month). */
  cardsUsed: number;
}

/**
 * Why a make-up card may not fill `day`, or null when it may: cards are on, the day is before today
 * and in today's month, nobody checked in on it, and a card of this month is left. Checked in that
 * order, so the person hears first about what no other card would change.
 */
export function makeUpRefusal(ask: MakeUpAsk): MakeUpRefusal | null {
  if (ask.cardsPerMonth <= 0) return 'make_up_off';
  if (ask.day >= ask.today) return 'make_up_not_past';
  if (monthOf(ask.day) !== monthOf(ask.today)) return 'make_up_other_month';
  if (ask.checked.has(ask.day)) return 'make_up_day_checked';
  if (ask.cardsUsed >= ask.cardsPerMonth) return 'make_up_no_cards';
  return null;
}

/** The days a card could fill now: the missed days of today's month before today, while cards are left. */
export function makeUpDays(ask: Omit<MakeUpAsk, 'day'>): string[] {
  const days: string[] = [];
  for (let day = `${monthOf(ask.today)}-01`; day < ask.today; day = addDays(day, 1))
    if (makeUpRefusal({ ...ask, day }) === null) days.push(day);
  return days;
}
