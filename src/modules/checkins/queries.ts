import type { Queryable } from '../../platform/db.js';
import type { CheckInSettings } from './rules.js';

export interface CheckInRow {
  day: string;
  made_up: boolean;
  points: number;
  streak: number;
}

/**
 * One person's check-ins and make-ups are serialized by a lock keyed by the person (across
 * processes): the streak a check-in computes and the cards a make-up counts then see each other's
 * commits. The primary key (user, day) stays the guard of once a day.
 */
export async function lockPerson(tx: Queryable, userId: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.checkins:' || $1, 0))`, [userId]);
}

/** Days as text: a `date` read through node-postgres would become a local-midnight Date. */
const COLUMNS = "to_char(day, 'YYYY-MM-DD') AS day, made_up, points, streak";

/**
 * Every day the person checked in or made up. One row a day at most, so a person's whole history
 * is a few hundred rows a year: the streak is counted from it in rules.ts, however long it runs.
 */
export async function daysOf(conn: Queryable, userId: string): Promise<Set<string>> {
  const rows = await conn.query<{ day: string }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day FROM check_ins WHERE user_id = $1",
    [userId],
  );
  return new Set(rows.map((r) => r.day));
}

/** The person's check-ins in [from, to) (days), oldest first. */
export const between = (conn: Queryable, userId: string, from: string, to: string) =>
  conn.query<CheckInRow>(
    `SELECT ${COLUMNS} FROM check_ins WHERE user_id = $1 AND day >= $2::date AND day < $3::date ORDER BY day`,
    [userId, from, to],
  );

/** Make-up cards used on days in [from, to). */
export async function cardsUsed(conn: Queryable, userId: string, from: string, to: string) {
  const [row] = await conn.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM check_ins WHERE user_id = $1 AND made_up AND day >= $2::date AND day < $3::date',
    [userId, from, to],
  );
  return row?.n ?? 0;
}

/** Inserts the day unless the person already has it; true when inserted. */
export async function insert(
  conn: Queryable,
  row: CheckInRow & { user_id: string; created_at: Date },
): Promise<boolean> {
  const inserted = await conn.query(
    `INSERT INTO check_ins (user_id, day, made_up, streak, points, created_at)
     VALUES ($1, $2::date, $3, $4, $5, $6) ON CONFLICT (user_id, day) DO NOTHING RETURNING day`,
    [row.user_id, row.day, row.made_up, row.streak, row.points, row.created_at],
  );
  return inserted.length > 0;
}

export async function loadSettings(conn: Queryable): Promise<CheckInSettings | undefined> {
  const [row] = await conn.query<{
    streak_points: number[];
    beyond_points: number;
    make_up_cards_per_month: number;
  }>('SELECT streak_points, beyond_points, make_up_cards_per_month FROM check_in_settings WHERE id = 1');
  return (
    row && {
      streakPoints: row.streak_points.map(Number),
      beyondPoints: row.beyond_points,
      makeUpCardsPerMonth: row.make_up_cards_per_month,
    }
  );
}

export async function saveSettings(conn: Queryable, s: CheckInSettings, now: Date) {
  await conn.query(
    `INSERT INTO check_in_settings (id, streak_points, beyond_points, make_up_cards_per_month, updated_at)
     VALUES (1, $1::int[], $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET streak_points = EXCLUDED.streak_points, beyond_points = EXCLUDED.beyond_points,
       make_up_cards_per_month = EXCLUDED.make_up_cards_per_month, updated_at = EXCLUDED.updated_at`,
    [s.streakPoints, s.beyondPoints, s.makeUpCardsPerMonth, now],
  );
}
