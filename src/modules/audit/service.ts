import { addMs, type Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AuditContext } from './context.js';
import * as q from './queries.js';
import { record } from './record.js';
import { purgeBefore, RETENTION_DAYS } from './rules.js';
import type { AuditEntryView, AuditQuery, AuditSettings } from './schemas.js';

/** Names and emails of actors, by id (the accounts module's `contactsOf`), for the console. */
export type ActorContacts = (
  conn: Queryable,
  ids: readonly string[],
) => Promise<Map<string, { name: string; email: string }>>;

export interface AuditDeps {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'every'>;
  contacts: ActorContacts;
}

export const PURGE_JOB = 'audit.purge';
const PURGE_EVERY_MS = 86_400_000;
const DAY_MS = 86_400_000;

const utcDay = (day: string, path: string) => {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) throw invalidInput(path, 'is not a date', 'format');
  return at;
};

/** Searching the log, its retention setting, and the daily purge of what is past it. */
export function createAuditService(deps: AuditDeps) {
  const { db, clock } = deps;

  async function retentionDays(conn: Queryable): Promise<number> {
    return (await q.loadRetentionDays(conn)) ?? RETENTION_DAYS.default;
  }

  async function search(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 20;
    const from = query.from === undefined ? undefined : utcDay(query.from, '/query/from');
    const to = query.to === undefined ? undefined : addMs(utcDay(query.to, '/query/to'), DAY_MS);
    if (from && to && from >= to) throw invalidInput('/query/to', 'is before from', 'range');
    const rows = await q.search(db, {
      actorId: query.actor,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      from,
      until: to,
      after: decodeTimeCursor(query.cursor),
      limit,
    });
    const contacts = await deps.contacts(
      db,
      rows.map((r) => r.actor_id),
    );
    return toPage(
      rows,
      limit,
      (r) => [r.at.toISOString(), r.id],
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: {
          id: r.actor_id,
          name: contacts.get(r.actor_id)?.name ?? null,
          email: contacts.get(r.actor_id)?.email ?? null,
          role: r.actor_role,
        },
        action: r.action,
        target: { type: r.target_type, id: r.target_id },
        before: r.before,
        after: r.after,
        requestId: r.request_id,
      }),
    );
  }

  async function settings(): Promise<AuditSettings> {
    return { retentionDays: await retentionDays(db) };
  }

  /** Changing how long the log is kept is itself recorded. */
  async function updateSettings(by: AuditContext, next: AuditSettings): Promise<AuditSettings> {
    return db.transaction(async (tx) => {
      const before = await retentionDays(tx);
      const at = clock.now();
      await q.saveRetentionDays(tx, next.retentionDays, at);
      await record(tx, {
        by,
        at,
        action: 'audit.settings.update',
        target: { type: 'settings', id: 'audit' },
        before: { retentionDays: before },
        after: { retentionDays: next.retentionDays },
      });
      return next;
    });
  }

  /** Deletes the entries older than the retention; how many it deleted. */
  async function purgeExpired(now = clock.now()): Promise<number> {
    return db.transaction(async (tx) => q.purgeOlderThan(tx, purgeBefore(now, await retentionDays(tx))));
  }

  deps.jobs.every(PURGE_JOB, PURGE_EVERY_MS, async (_payload, job) => {
    await purgeExpired(job.now);
  });

  return { search, settings, updateSettings, purgeExpired };
}

export type AuditService = ReturnType<typeof createAuditService>;
