import type { Queryable } from '../../platform/db.js';
import type { ApplicationStatus } from './rules.js';

export interface StoreRow {
  id: string;
  owner_id: string;
  slug: string;
  name: string;
  logo: string | null;
  intro: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ApplicationRow {
  id: string;
  user_id: string;
  status: ApplicationStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  reject_reason: string | null;
}

export const findStoreById = async (db: Queryable, id: string) =>
  (await db.query<StoreRow>('SELECT * FROM stores WHERE id = $1', [id]))[0];

export const findStoreBySlug = async (db: Queryable, slug: string) =>
  (await db.query<StoreRow>('SELECT * FROM stores WHERE slug = $1', [slug]))[0];

export const findStoreByOwner = async (db: Queryable, ownerId: string) =>
  (await db.query<StoreRow>('SELECT * FROM stores WHERE owner_id = $1', [ownerId]))[0];

/** The store, only when this user owns it: someone else's store is as good as unknown. */
export const findOwnedStore = async (db: Queryable, id: string, ownerId: string, lock = false) =>
  (
    await db.query<StoreRow>(
      `SELECT * FROM stores WHERE id = $1 AND owner_id = $2${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [id, ownerId],
    )
  )[0];

/** Inserts a store; undefined when the owner already has one or the slug is taken. */
export async function insertStore(db: Queryable, store: StoreRow) {
  const rows = await db.query<StoreRow>(
    `INSERT INTO stores (id, owner_id, slug, name, logo, intro, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING *`,
    [
      store.id,
      store.owner_id,
      store.slug,
      store.name,
      store.logo,
      store.intro,
      store.created_at,
      store.updated_at,
    ],
  );
  return rows[0];
}

export async function updateStore(
  db: Queryable,
  id: string,
  fields: Pick<StoreRow, 'name' | 'logo' | 'intro' | 'updated_at'>,
) {
  const rows = await db.query<StoreRow>(
    'UPDATE stores SET name = $2, logo = $3, intro = $4, updated_at = $5 WHERE id = $1 RETURNING *',
    [id, fields.name, fields.logo, fields.intro, fields.updated_at],
  );
  return rows[0];
}

export async function listProduct(db: Queryable, storeId: string, productId: string, now: Date) {
  await db.query(
    `INSERT INTO store_products (store_id, product_id, listed_at) VALUES ($1, $2, $3)
     ON CONFLICT (store_id, product_id) DO NOTHING`,
    [storeId, productId, now],
  );
}

export const unlistProduct = (db: Queryable, storeId: string, productId: string) =>
  db.query('DELETE FROM store_products WHERE store_id = $1 AND product_id = $2', [storeId, productId]);

export const isListed = async (db: Queryable, storeId: string, productId: string) =>
  (
    await db.query('SELECT 1 FROM store_products WHERE store_id = $1 AND product_id = $2', [
      storeId,
      productId,
    ])
  ).length > 0;

export const countListed = async (db: Queryable, storeId: string) =>
  (
    await db.query<{ n: number }>('SELECT count(*) AS n FROM store_products WHERE store_id = $1', [storeId])
  )[0]?.n ?? 0;

/** Listed product ids, most recently listed first. */
export const listedProductIds = async (db: Queryable, storeId: string) =>
  (
    await db.query<{ product_id: string }>(
      'SELECT product_id FROM store_products WHERE store_id = $1 ORDER BY listed_at DESC, product_id',
      [storeId],
    )
  ).map((r) => r.product_id);

/** Which of these products the store lists. */
export const listedAmong = async (db: Queryable, storeId: string, productIds: readonly string[]) =>
  (
    await db.query<{ product_id: string }>(
      'SELECT product_id FROM store_products WHERE store_id = $1 AND product_id = ANY($2)',
      [storeId, productIds],
    )
  ).map((r) => r.product_id);

export const findApplication = async (db: Queryable, userId: string) =>
  (await db.query<ApplicationRow>('SELECT * FROM shopkeeper_applications WHERE user_id = $1', [userId]))[0];

/** Records an application unless the user already has one; returns the user's application either way. */
export async function upsertApplication(db: Queryable, application: ApplicationRow) {
  await db.query(
    `INSERT INTO shopkeeper_applications (id, user_id, status, created_at, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO NOTHING`,
    [
      application.id,
      application.user_id,
      application.status,
      application.created_at,
      application.decided_at,
      application.decided_by,
    ],
  );
  return findApplication(db, application.user_id);
}

/** Marks the application approved if it is in one of `from` (the machine's states that may become approved). */
export async function approveApplication(
  db: Queryable,
  userId: string,
  adminId: string | null,
  now: Date,
  from: readonly ApplicationStatus[],
) {
  await db.query(
    `UPDATE shopkeeper_applications SET status = 'approved', decided_at = $3, decided_by = $2,
       reject_reason = NULL
     WHERE user_id = $1 AND status = ANY($4)`,
    [userId, adminId, now, from],
  );
}

/** Marks the application rejected if it is in one of `from`; the row as it is now, if it changed. */
export async function rejectApplication(
  db: Queryable,
  decision: { userId: string; adminId: string; now: Date; reason: string | null },
  from: readonly ApplicationStatus[],
) {
  return (
    await db.query<ApplicationRow>(
      `UPDATE shopkeeper_applications SET status = 'rejected', decided_at = $3, decided_by = $2,
         reject_reason = $4
       WHERE user_id = $1 AND status = ANY($5) RETURNING *`,
      [decision.userId, decision.adminId, decision.now, decision.reason, from],
    )
  )[0];
}

/** A rejected applicant applies again: pending once more, the old decision cleared. */
export async function reopenApplication(
  db: Queryable,
  userId: string,
  now: Date,
  from: readonly ApplicationStatus[],
) {
  await db.query(
    `UPDATE shopkeeper_applications SET status = 'pending', created_at = $2, decided_at = NULL,
       decided_by = NULL, reject_reason = NULL
     WHERE user_id = $1 AND status = ANY($3)`,
    [userId, now, from],
  );
}

/** Decided applications (approved or rejected), latest decision first; keyset on (decided_at, id). */
export function listDecidedApplications(
  db: Queryable,
  filter: { status?: ApplicationStatus; after?: { at: string; id: string }; limit: number },
) {
  return db.query<ApplicationRow>(
    `SELECT * FROM shopkeeper_applications
     WHERE status <> 'pending' AND ($1::text IS NULL OR status = $1)
       AND ($2::timestamptz IS NULL OR (decided_at, id) < ($2::timestamptz, $3::text))
     ORDER BY decided_at DESC, id DESC LIMIT $4`,
    [filter.status ?? null, filter.after?.at ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
}

/**
 * Oldest application first, so the queue is worked in the order people applied (a re-application
 * joins the back: reopening sets its created_at); keyset on (created_at, id).
 */
export function listApplications(
  db: Queryable,
  filter: { status?: ApplicationStatus; after?: { at: string; id: string }; limit: number },
) {
  return db.query<ApplicationRow>(
    `SELECT * FROM shopkeeper_applications
     WHERE ($1::text IS NULL OR status = $1)
       AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::text))
     ORDER BY created_at, id LIMIT $4`,
    [filter.status ?? null, filter.after?.at ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
}

/** Approved shopkeepers and when they were approved (for honours' years of service). */
export const approvedShopkeepers = (db: Queryable) =>
  db.query<{ user_id: string; decided_at: Date }>(
    "SELECT user_id, decided_at FROM shopkeeper_applications WHERE status = 'approved' AND decided_at IS NOT NULL ORDER BY user_id",
  );
