import type { Queryable } from '../../platform/db.js';

export interface AddressRow {
  id: string;
  user_id: string;
  name: string;
  phone: string;
  province: string | null;
  city: string;
  district: string | null;
  line1: string;
  line2: string | null;
  postal_code: string | null;
  country: string | null;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

/**
 * One person's changes to their book are serialized by a lock keyed by the person (across
 * processes): the count against the limit, the first-is-default rule and the one-default swap then
 * see each other's commits. The partial unique index is the last guard.
 */
export async function lockBook(tx: Queryable, userId: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.addresses:' || $1, 0))`, [userId]);
}

/** The person's addresses, the default first, then the newest. */
export const listOf = (conn: Queryable, userId: string) =>
  conn.query<AddressRow>(
    'SELECT * FROM addresses WHERE user_id = $1 ORDER BY is_default DESC, created_at DESC, id DESC',
    [userId],
  );

/** The address only when it is this person's: someone else's is as good as unknown. */
export const findOwned = async (conn: Queryable, userId: string, id: string) =>
  (await conn.query<AddressRow>('SELECT * FROM addresses WHERE id = $1 AND user_id = $2', [id, userId]))[0];

export async function countOf(conn: Queryable, userId: string): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM addresses WHERE user_id = $1',
    [userId],
  );
  return row?.n ?? 0;
}

export async function insert(conn: Queryable, row: AddressRow): Promise<AddressRow> {
  const [inserted] = await conn.query<AddressRow>(
    `INSERT INTO addresses (id, user_id, name, phone, province, city, district, line1, line2,
       postal_code, country, is_default, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [
      row.id,
      row.user_id,
      row.name,
      row.phone,
      row.province,
      row.city,
      row.district,
      row.line1,
      row.line2,
      row.postal_code,
      row.country,
      row.is_default,
      row.created_at,
      row.updated_at,
    ],
  );
  return inserted as AddressRow;
}

const EDITABLE = [
  'name',
  'phone',
  'province',
  'city',
  'district',
  'line1',
  'line2',
  'postal_code',
  'country',
];

/** Sets the given columns (only the editable ones) of the person's address; undefined when not theirs. */
export async function update(
  conn: Queryable,
  userId: string,
  id: string,
  changes: Partial<Record<(typeof EDITABLE)[number], string | null>>,
  now: Date,
): Promise<AddressRow | undefined> {
  const columns = Object.keys(changes).filter((c) => EDITABLE.includes(c));
  const sets = columns.map((c, i) => `${c} = $${i + 4}`);
  const [row] = await conn.query<AddressRow>(
    `UPDATE addresses SET ${[...sets, 'updated_at = $3'].join(', ')}
     WHERE id = $1 AND user_id = $2 RETURNING *`,
    [id, userId, now, ...columns.map((c) => changes[c])],
  );
  return row;
}

/** Makes this address the person's one default: the old default is cleared first (the unique index). */
export async function makeDefault(conn: Queryable, userId: string, id: string, now: Date) {
  await conn.query('UPDATE addresses SET is_default = false WHERE user_id = $1 AND is_default AND id <> $2', [
    userId,
    id,
  ]);
  await conn.query(
    'UPDATE addresses SET is_default = true, updated_at = $3 WHERE id = $1 AND user_id = $2 AND NOT is_default',
    [id, userId, now],
  );
}

export const remove = async (conn: Queryable, userId: string, id: string) =>
  (
    await conn.query<AddressRow>('DELETE FROM addresses WHERE id = $1 AND user_id = $2 RETURNING *', [
      id,
      userId,
    ])
  )[0];
