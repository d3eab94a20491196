import type { Queryable, Tx } from '../../platform/db.js';

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string;
}

export async function insertEntry(tx: Tx, row: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_role, action, target_type, target_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.id,
      row.at,
      row.actor_id,
      row.actor_role,
      row.action,
      row.target_type,
      row.target_id,
      row.before === null ? null : JSON.stringify(row.before),
      row.after === null ? null : JSON.stringify(row.after),
      row.request_id,
    ],
  );
}

export interface SearchFilter {
  actorId?: string;
  /** An action, or a prefix ending at a dot: `product` finds `product.update` and `product.archive`. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  /** Exclusive. */
  until?: Date;
  after?: { at: string; id: string };
  limit: number;
}

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;

/** Newest first, keyset-paged by (at, id). */
export async function search(conn: Queryable, f: SearchFilter): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (ref: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.actorId !== undefined) add((n) => `actor_id = ${n}`, f.actorId);
  if (f.action !== undefined) {
    params.push(f.action, likePrefix(f.action));
    where.push(`(action = $${params.length - 1} OR action LIKE $${params.length})`);
  }
  if (f.targetType !== undefined) add((n) => `target_type = ${n}`, f.targetType);
  if (f.targetId !== undefined) add((n) => `target_id = ${n}`, f.targetId);
  if (f.from !== undefined) add((n) => `at >= ${n}`, f.from);
  if (f.until !== undefined) add((n) => `at < ${n}`, f.until);
  if (f.after !== undefined) {
    params.push(f.after.at, f.after.id);
    where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(f.limit + 1);
  return conn.query<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function loadRetentionDays(conn: Queryable): Promise<number | undefined> {
  const row = (
    await conn.query<{ retention_days: number }>('SELECT retention_days FROM audit_settings WHERE id = 1')
  )[0];
  return row?.retention_days;
}

export async function saveRetentionDays(tx: Tx, days: number, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO audit_settings (id, retention_days, updated_at) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = EXCLUDED.updated_at`,
    [days, at],
  );
}

/**
 * The only DELETE the table's trigger lets through: `fission.audit_purge` is set for this
 * transaction alone (SET LOCAL), so no other statement, before or after, can delete.
 */
export async function purgeOlderThan(tx: Tx, before: Date): Promise<number> {
  await tx.query(`SELECT set_config('fission.audit_purge', 'on', true)`);
  const rows = await tx.query<{ id: string }>('DELETE FROM audit_log WHERE at < $1 RETURNING id', [before]);
  await tx.query(`SELECT set_config('fission.audit_purge', 'off', true)`);
  return rows.length;
}
