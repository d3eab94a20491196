import type { Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import type { AuditContext } from './context.js';
import { insertEntry } from './queries.js';
import { changedFields, type Fields } from './rules.js';

/** Any object of named fields: a settings interface, a view, a row. */
export type AuditObject = object;

export interface AuditEntry {
  /** The operator acting; undefined when the system changes it (jobs, the demo): nothing is recorded. */
  by: AuditContext | undefined;
  /** The service's clock, as every other row of the change is stamped. */
  at: Date;
  /** `<target>.<verb>`, e.g. `product.update`, `withdrawal.approve`, `points.settings.update`. */
  action: string;
  target: { type: string; id: string };
  /** The object before the change (null for a creation) and after it (null for a removal). */
  before: AuditObject | null;
  after: AuditObject | null;
}

/**
 * Records an operator's change inside the transaction that makes it: if the change rolls back, so
 * does its entry. Only changed fields are kept; a change that changed nothing records nothing.
 */
export async function record(tx: Tx, entry: AuditEntry): Promise<void> {
  if (!entry.by) return;
  const change = changedFields(entry.before as Fields | null, entry.after as Fields | null);
  if (!change) return;
  await insertEntry(tx, {
    id: newId(),
    at: entry.at,
    actor_id: entry.by.actorId,
    actor_role: entry.by.actorRole,
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    before: change.before,
    after: change.after,
    request_id: entry.by.requestId,
  });
}
