import type { Queryable } from '../../platform/db.js';

export interface PostingRow {
  id: string;
  user_id: string;
  delta: number;
  reason: string;
  ref: string;
  created_at: Date;
}

/** Inserts the posting unless one with the same reference exists; true when inserted. */
export async function insertPosting(conn: Queryable, p: PostingRow): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO point_postings (id, user_id, delta, reason, ref, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (ref) DO NOTHING RETURNING id`,
    [p.id, p.user_id, p.delta, p.reason, p.ref, p.created_at],
  );
  return rows.length > 0;
}

export const balanceOf = async (conn: Queryable, userId: string) =>
  (
    await conn.query<{ balance: number }>(
      'SELECT COALESCE(sum(delta), 0)::bigint AS balance FROM point_postings WHERE user_id = $1',
      [userId],
    )
  )[0]?.balance ?? 0;

/** Newest first; ids are time-ordered (uuidv7), so the id alone is the keyset. */
export function listPostings(conn: Queryable, f: { userId: string; limit: number; beforeId?: string }) {
  const params: unknown[] = [f.userId, f.limit + 1];
  if (f.beforeId) params.push(f.beforeId);
  return conn.query<PostingRow>(
    `SELECT * FROM point_postings WHERE user_id = $1 ${f.beforeId ? 'AND id < $3' : ''}
     ORDER BY id DESC LIMIT $2`,
    params,
  );
}

/**
 * Serializes changes to one person's points until the transaction ends, so two spends at once cannot
 * both pass the balance check. An advisory lock keyed by the person, not their user row: nothing
 * else that updates the user waits for it.
 */
export async function lockPerson(conn: Queryable, userId: string): Promise<void> {
  await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.points:' || $1, 0))`, [userId]);
}
