import type { Queryable } from '../../platform/db.js';
import type { CompetitionStatus, Metric, Prize } from './rules.js';

export interface CompetitionRow {
  id: string;
  title: string;
  description: string;
  metric: Metric;
  starts_at: Date;
  ends_at: Date;
  prizes: Prize[];
  status: CompetitionStatus;
  created_at: Date;
  updated_at: Date;
  awarded_at: Date | null;
}

export interface ScoreRow {
  user_id: string;
  score: number;
  reached_at: Date;
  final_rank: number | null;
}

export async function insertCompetition(conn: Queryable, c: CompetitionRow): Promise<CompetitionRow> {
  const [row] = await conn.query<CompetitionRow>(
    `INSERT INTO competitions (id, title, description, metric, starts_at, ends_at, prizes, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [
      c.id,
      c.title,
      c.description,
      c.metric,
      c.starts_at,
      c.ends_at,
      JSON.stringify(c.prizes),
      c.status,
      c.created_at,
    ],
  );
  return row as CompetitionRow;
}

export async function updateCompetition(
  conn: Queryable,
  id: string,
  c: Pick<
    CompetitionRow,
    'title' | 'description' | 'metric' | 'starts_at' | 'ends_at' | 'prizes' | 'updated_at'
  >,
): Promise<CompetitionRow> {
  const [row] = await conn.query<CompetitionRow>(
    `UPDATE competitions SET title = $2, description = $3, metric = $4, starts_at = $5, ends_at = $6, prizes = $7,
       updated_at = $8 WHERE id = $1 RETURNING *`,
    [id, c.title, c.description, c.metric, c.starts_at, c.ends_at, JSON.stringify(c.prizes), c.updated_at],
  );
  return row as CompetitionRow;
}

export const findCompetition = async (conn: Queryable, id: string) =>
  (await conn.query<CompetitionRow>('SELECT * FROM competitions WHERE id = $1', [id]))[0];

export const lockCompetition = async (conn: Queryable, id: string) =>
  (await conn.query<CompetitionRow>('SELECT * FROM competitions WHERE id = $1 FOR UPDATE', [id]))[0];

/** Moves the status when the machine allows it from the current one; false when it did not move. */
export const setStatus = async (
  conn: Queryable,
  id: string,
  to: CompetitionStatus,
  from: readonly CompetitionStatus[],
  now: Date,
) =>
  (
    await conn.query(
      `UPDATE competitions SET status = $2, updated_at = $3,
         awarded_at = CASE WHEN $2 = 'awarded' THEN $3 ELSE awarded_at END
       WHERE id = $1 AND status = ANY($4) RETURNING id`,
      [id, to, now, from],
    )
  ).length > 0;

export type ListFilter = 'upcoming' | 'running' | 'ended' | 'recent' | 'all';

/** Newest start first. `recent`: not cancelled and not ended before `since`. */
export async function listCompetitions(
  conn: Queryable,
  o: { filter: ListFilter; now: Date; since: Date; limit: number; before?: { at: string; id: string } },
): Promise<CompetitionRow[]> {
  const params: unknown[] = [];
  const at = (value: Date) => {
    params.push(value);
    return `$${params.length}::timestamptz`;
  };
  const conditions: Record<ListFilter, () => string> = {
    all: () => 'true',
    recent: () => `status <> 'cancelled' AND ends_at > ${at(o.since)}`,
    upcoming: () => `status = 'scheduled' AND starts_at > ${at(o.now)}`,
    running: () => `status = 'scheduled' AND starts_at <= ${at(o.now)} AND ends_at > ${at(o.now)}`,
    ended: () => `(status = 'awarded' OR (status = 'scheduled' AND ends_at <= ${at(o.now)}))`,
  };
  const where = [conditions[o.filter]()];
  if (o.before) {
    params.push(o.before.at, o.before.id);
    where.push(`(starts_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(o.limit + 1);
  return conn.query<CompetitionRow>(
    `SELECT * FROM competitions WHERE ${where.join(' AND ')} ORDER BY starts_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
}

/**
 * The competitions an event at `at` counts for. Locked FOR SHARE: an award that is paying prizes holds
 * the row FOR UPDATE, so an entry waits for it and then sees the competition awarded, and is left out.
 */
export const openCompetitionsAt = (conn: Queryable, metric: Metric, at: Date) =>
  conn.query<{ id: string }>(
    `SELECT id FROM competitions WHERE status = 'scheduled' AND metric = $1 AND starts_at <= $2 AND ends_at > $2
     ORDER BY id FOR SHARE`,
    [metric, at],
  );

/** Records an entry once; true when it is new (and the score was raised by it). */
export async function addEntry(
  conn: Queryable,
  e: { competitionId: string; ref: string; userId: string; points: number; at: Date; orderId: string | null },
): Promise<boolean> {
  const inserted = await conn.query(
    `INSERT INTO competition_entries (competition_id, ref, user_id, points, occurred_at, order_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ref`,
    [e.competitionId, e.ref, e.userId, e.points, e.at, e.orderId],
  );
  if (inserted.length === 0) return false;
  await conn.query(
    `INSERT INTO competition_scores (competition_id, user_id, score, reached_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (competition_id, user_id) DO UPDATE SET score = competition_scores.score + EXCLUDED.score,
       reached_at = GREATEST(competition_scores.reached_at, EXCLUDED.reached_at)`,
    [e.competitionId, e.userId, e.points, e.at],
  );
  return true;
}

export interface EntryRow {
  competition_id: string;
  ref: string;
  user_id: string;
  points: number;
  metric: Metric;
}

/**
 * An order's entries in competitions not yet awarded. Their competitions are locked FOR SHARE, as
 * when an entry is added: an award paying prizes holds the row FOR UPDATE, so this waits for it and
 * then finds the competition awarded (its entries are final and left alone).
 */
export const entriesOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<EntryRow>(
    `SELECT e.competition_id, e.ref, e.user_id, e.points, c.metric
     FROM competition_entries e JOIN competitions c ON c.id = e.competition_id
     WHERE e.order_id = $1 AND c.status = 'scheduled' ORDER BY c.id, e.ref FOR SHARE OF c`,
    [orderId],
  );

/**
 * Sets an entry to `points` (0 removes it) and moves the person's score by the difference, under the
 * entry's and then the score's row lock (the order `addEntry` takes them in). A score left at nothing
 * is removed; one that lost its latest entry is reached when its latest remaining entry was.
 */
export async function reviseEntry(
  conn: Queryable,
  e: { competitionId: string; ref: string; userId: string },
  points: number,
): Promise<void> {
  const [entry] = await conn.query<{ points: number }>(
    'SELECT points FROM competition_entries WHERE competition_id = $1 AND ref = $2 FOR UPDATE',
    [e.competitionId, e.ref],
  );
  if (!entry || entry.points === points) return;
  if (points <= 0)
    await conn.query('DELETE FROM competition_entries WHERE competition_id = $1 AND ref = $2', [
      e.competitionId,
      e.ref,
    ]);
  else
    await conn.query('UPDATE competition_entries SET points = $3 WHERE competition_id = $1 AND ref = $2', [
      e.competitionId,
      e.ref,
      points,
    ]);
  const [score] = await conn.query<{ score: number }>(
    'SELECT score FROM competition_scores WHERE competition_id = $1 AND user_id = $2 FOR UPDATE',
    [e.competitionId, e.userId],
  );
  if (!score) return;
  const left = score.score - entry.points + Math.max(0, points);
  if (left <= 0) {
    await conn.query('DELETE FROM competition_scores WHERE competition_id = $1 AND user_id = $2', [
      e.competitionId,
      e.userId,
    ]);
    return;
  }
  await conn.query(
    `UPDATE competition_scores SET score = $3, reached_at = COALESCE(
       (SELECT max(occurred_at) FROM competition_entries WHERE competition_id = $1 AND user_id = $2), reached_at)
     WHERE competition_id = $1 AND user_id = $2`,
    [e.competitionId, e.userId, left],
  );
}

const LISTED = `NOT EXISTS (SELECT 1 FROM leaderboard_preferences p WHERE p.user_id = s.user_id AND NOT p.listed)`;
const RANK_ORDER = 's.score DESC, s.reached_at, s.user_id COLLATE "C"';

/** The leading listed people of a running competition, in rank order. */
export const topListed = (conn: Queryable, competitionId: string, limit: number) =>
  conn.query<ScoreRow>(
    `SELECT s.user_id, s.score, s.reached_at, s.final_rank FROM competition_scores s
     WHERE s.competition_id = $1 AND ${LISTED} ORDER BY ${RANK_ORDER} LIMIT $2`,
    [competitionId, limit],
  );

/** The leading listed people of an awarded competition, by the ranks they ended on. */
export const topFinal = (conn: Queryable, competitionId: string, limit: number) =>
  conn.query<ScoreRow>(
    `SELECT s.user_id, s.score, s.reached_at, s.final_rank FROM competition_scores s
     WHERE s.competition_id = $1 AND s.final_rank IS NOT NULL AND ${LISTED} ORDER BY s.final_rank LIMIT $2`,
    [competitionId, limit],
  );

export const listedCount = async (conn: Queryable, competitionId: string): Promise<number> =>
  (
    await conn.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM competition_scores s WHERE s.competition_id = $1 AND ${LISTED}`,
      [competitionId],
    )
  )[0]?.n ?? 0;

export const participantCounts = async (conn: Queryable, ids: readonly string[]) =>
  new Map(
    (
      await conn.query<{ competition_id: string; n: number }>(
        `SELECT s.competition_id, count(*)::int AS n FROM competition_scores s
         WHERE s.competition_id = ANY($1) AND ${LISTED} GROUP BY s.competition_id`,
        [ids],
      )
    ).map((r) => [r.competition_id, r.n]),
  );

export const scoreOf = async (conn: Queryable, competitionId: string, userId: string) =>
  (
    await conn.query<ScoreRow>(
      'SELECT user_id, score, reached_at, final_rank FROM competition_scores WHERE competition_id = $1 AND user_id = $2',
      [competitionId, userId],
    )
  )[0];

/** How many listed people (other than the person) rank ahead of a score. */
export async function listedAhead(conn: Queryable, competitionId: string, mine: ScoreRow): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM competition_scores s
     WHERE s.competition_id = $1 AND s.user_id <> $2 AND ${LISTED}
       AND (s.score > $3 OR (s.score = $3 AND (s.reached_at < $4
         OR (s.reached_at = $4 AND s.user_id COLLATE "C" < $2 COLLATE "C"))))`,
    [competitionId, mine.user_id, mine.score, mine.reached_at],
  );
  return row?.n ?? 0;
}

/** Everyone with a score, in rank order, with whether they are listed: for the award and the operator. */
export const allScores = (conn: Queryable, competitionId: string, limit: number) =>
  conn.query<ScoreRow & { listed: boolean }>(
    `SELECT s.user_id, s.score, s.reached_at, s.final_rank, ${LISTED} AS listed FROM competition_scores s
     WHERE s.competition_id = $1 ORDER BY ${RANK_ORDER} LIMIT $2`,
    [competitionId, limit],
  );

export async function setFinalRanks(
  conn: Queryable,
  competitionId: string,
  ranks: { userId: string; rank: number }[],
) {
  if (ranks.length === 0) return;
  await conn.query(
    `UPDATE competition_scores s SET final_rank = r.rank
     FROM unnest($2::text[], $3::int[]) AS r(user_id, rank)
     WHERE s.competition_id = $1 AND s.user_id = r.user_id`,
    [competitionId, ranks.map((r) => r.userId), ranks.map((r) => r.rank)],
  );
}

export interface PrizeRow {
  competition_id: string;
  user_id: string;
  rank: number;
  kind: Prize['kind'];
  points: number | null;
  coupon_template_id: string | null;
  amount: number | null;
  user_coupon_id: string | null;
  awarded_at: Date;
}

/** Records a person's prize once; true when it is new (and so is to be paid now). */
export async function insertPrize(conn: Queryable, p: Omit<PrizeRow, 'user_coupon_id'>): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO competition_prizes (competition_id, user_id, rank, kind, points, coupon_template_id, amount, awarded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING user_id`,
    [p.competition_id, p.user_id, p.rank, p.kind, p.points, p.coupon_template_id, p.amount, p.awarded_at],
  );
  return rows.length > 0;
}

export const setPrizeCoupon = (conn: Queryable, competitionId: string, userId: string, couponId: string) =>
  conn.query('UPDATE competition_prizes SET user_coupon_id = $3 WHERE competition_id = $1 AND user_id = $2', [
    competitionId,
    userId,
    couponId,
  ]);

export const prizesOf = (conn: Queryable, competitionId: string) =>
  conn.query<PrizeRow>('SELECT * FROM competition_prizes WHERE competition_id = $1 ORDER BY rank', [
    competitionId,
  ]);

export const prizeOf = async (conn: Queryable, competitionId: string, userId: string) =>
  (
    await conn.query<PrizeRow>(
      'SELECT * FROM competition_prizes WHERE competition_id = $1 AND user_id = $2',
      [competitionId, userId],
    )
  )[0];

/** Competitions whose end (plus the grace) has passed and whose prizes are not paid yet. */
export const dueForAward = (conn: Queryable, endedBefore: Date) =>
  conn.query<{ id: string }>(
    `SELECT id FROM competitions WHERE status = 'scheduled' AND ends_at <= $1 ORDER BY ends_at, id LIMIT 50`,
    [endedBefore],
  );

export const isListed = async (conn: Queryable, userId: string): Promise<boolean> =>
  (
    await conn.query<{ listed: boolean }>('SELECT listed FROM leaderboard_preferences WHERE user_id = $1', [
      userId,
    ])
  )[0]?.listed ?? true;

export const setListed = (conn: Queryable, userId: string, listed: boolean, now: Date) =>
  conn.query(
    `INSERT INTO leaderboard_preferences (user_id, listed, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET listed = EXCLUDED.listed, updated_at = EXCLUDED.updated_at`,
    [userId, listed, now],
  );
