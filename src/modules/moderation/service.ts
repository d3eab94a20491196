import { type Clock, storableInstant } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { ModeratedItem, ModeratedType, Moderation } from '../../platform/moderation.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { banEnd, isBanActive, type ReportStatus, reasonCounts } from './rules.js';
import type { Ban, QueueEntry, Report, ReportInput } from './schemas.js';

export interface ModerationDeps {
  db: Database;
  clock: Clock;
  /** The registry the content modules registered their kinds in (one per app). */
  registry: Moderation;
  /** Names and emails by user id (accounts' `contactsOf`): unknown people are missing. */
  people: (conn: Queryable, ids: readonly string[]) => Promise<Map<string, { name: string; email: string }>>;
}

const iso = (d: Date) => d.toISOString();

const presentReport = (r: q.ReportRow): Report => ({
  id: r.id,
  type: r.item_type,
  itemId: r.item_id,
  reason: r.reason,
  note: r.note,
  status: r.status,
  createdAt: iso(r.created_at),
});

/** `[last reported at, type, id]`: the queue's cursor, checked before it reaches SQL. */
function queueCursorOf(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [at, type, id] = key;
  const instant = typeof at === 'string' ? storableInstant(at) : undefined;
  if (key.length !== 3 || !instant || typeof type !== 'string' || typeof id !== 'string')
    throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
  return { at: instant.toISOString(), type, id };
}

export function createModerationService(deps: ModerationDeps) {
  const { db, clock, registry, people } = deps;

  /** The items as the owning modules describe them; a kind nobody registered describes nothing. */
  async function describe(conn: Queryable, type: ModeratedType, ids: readonly string[]) {
    const kind = registry.kind(type);
    return kind ? kind.describe(conn, ids) : new Map<string, ModeratedItem>();
  }

  /**
   * A signed-in person reports an item. One open report per person and item: reporting it again
   * answers the open report (`created: false`) and changes nothing. An unknown item is 404, and so
   * is a hidden one: it is 404 to everyone but its author, and already dealt with.
   */
  async function report(reporterId: string, input: ReportInput) {
    return db.transaction(async (tx) => {
      const item = (await describe(tx, input.type, [input.id])).get(input.id);
      if (!item || item.hidden) throw notFound('Item');
      const { report, created } = await q.openReport(tx, {
        id: newId(),
        item_type: input.type,
        item_id: input.id,
        reporter_id: reporterId,
        item_author_id: item.authorId,
        reason: input.reason,
        note: input.note?.trim() || null,
        created_at: clock.now(),
      });
      return { report: presentReport(report), created };
    });
  }

  async function present(conn: Queryable, status: ReportStatus, rows: readonly q.QueueRow[]) {
    const items = new Map<string, ModeratedItem>();
    for (const type of new Set(rows.map((r) => r.item_type))) {
      const described = await describe(
        conn,
        type,
        rows.filter((r) => r.item_type === type).map((r) => r.item_id),
      );
      for (const [id, item] of described) items.set(`${type}:${id}`, item);
    }
    const named = await people(
      conn,
      [...items.values()].map((i) => i.authorId),
    );
    return rows.map((r): QueueEntry => {
      const item = items.get(`${r.item_type}:${r.item_id}`);
      return {
        type: r.item_type,
        id: r.item_id,
        item: item
          ? {
              author: { id: item.authorId, name: named.get(item.authorId)?.name ?? '' },
              text: item.text,
              createdAt: iso(item.createdAt),
              hidden: item.hidden,
              link: item.link,
            }
          : null,
        status,
        reports: r.n,
        reasons: reasonCounts(r.reasons),
        notes: r.notes ?? [],
        firstReportedAt: iso(r.first_at),
        lastReportedAt: iso(r.last_at),
      };
    });
  }

  /** The console's queue: reported items in `status` (open by default), the latest reported first. */
  async function queue(filter: {
    status?: ReportStatus;
    type?: ModeratedType;
    limit: number;
    cursor?: string;
  }): Promise<Page<QueueEntry>> {
    const status = filter.status ?? 'open';
    const rows = await q.queue(db, { ...filter, status, after: queueCursorOf(filter.cursor) });
    const shown = await present(db, status, rows.slice(0, filter.limit));
    const byKey = new Map(shown.map((e) => [`${e.type}:${e.id}`, e]));
    return toPage(
      rows,
      filter.limit,
      (r) => [iso(r.last_at), r.item_type, r.item_id],
      (r) => byKey.get(`${r.item_type}:${r.item_id}`) as QueueEntry,
    );
  }

  /** The item as the queue shows it after a decision: its reports in the status they now have. */
  async function entryOf(conn: Queryable, type: ModeratedType, id: string): Promise<QueueEntry> {
    const status = (await q.lastDecided(conn, type, id)) ?? 'open';
    const row = (await q.queueEntry(conn, type, id, status)) ?? {
      item_type: type,
      item_id: id,
      n: 0,
      first_at: clock.now(),
      last_at: clock.now(),
      reasons: [],
      notes: null,
    };
    return (await present(conn, status, [row]))[0] as QueueEntry;
  }

  async function itemIn(tx: Tx, type: ModeratedType, id: string) {
    const item = (await describe(tx, type, [id])).get(id);
    if (!item) throw notFound('Item');
    return item;
  }

  /**
   * Hides the item (the owning module keeps the reason) and closes its open reports as actioned;
   * restoring shows it again. Both in one transaction with their audit entry.
   */
  async function setHidden(
    type: ModeratedType,
    id: string,
    hidden: boolean,
    reason: string | null,
    by: AuditContext,
  ) {
    await db.transaction(async (tx) => {
      const item = await itemIn(tx, type, id);
      const kind = registry.kind(type);
      if (!kind || !(await kind.setHidden(tx, id, hidden, hidden ? reason : null))) throw notFound('Item');
      const closed = hidden ? await q.decide(tx, type, id, 'actioned', by.actorId, clock.now()) : 0;
      await record(tx, {
        by,
        at: clock.now(),
        action: hidden ? 'moderation.hide' : 'moderation.restore',
        target: { type, id },
        before: { hidden: item.hidden, openReports: closed },
        after: { hidden, openReports: 0, ...(reason ? { reason } : {}) },
      });
    });
    return entryOf(db, type, id);
  }

  /** The reports were unfounded: the item's open reports close as dismissed, the item stays as it is. */
  async function dismiss(type: ModeratedType, id: string, reason: string | null, by: AuditContext) {
    await db.transaction(async (tx) => {
      const closed = await q.decide(tx, type, id, 'dismissed', by.actorId, clock.now());
      if (closed === 0) await itemIn(tx, type, id);
      await record(tx, {
        by,
        at: clock.now(),
        action: 'moderation.dismiss',
        target: { type, id },
        before: { openReports: closed },
        after: { openReports: 0, ...(reason && closed > 0 ? { reason } : {}) },
      });
    });
    return entryOf(db, type, id);
  }

  async function presentBans(conn: Queryable, rows: readonly q.BanRow[]): Promise<Ban[]> {
    const named = await people(
      conn,
      rows.map((r) => r.user_id),
    );
    const now = clock.now();
    return rows.map((r) => ({
      id: r.id,
      user: {
        id: r.user_id,
        name: named.get(r.user_id)?.name ?? '',
        email: named.get(r.user_id)?.email ?? '',
      },
      reason: r.reason,
      startsAt: iso(r.starts_at),
      endsAt: r.ends_at ? iso(r.ends_at) : null,
      liftedAt: r.lifted_at ? iso(r.lifted_at) : null,
      active: isBanActive({ startsAt: r.starts_at, endsAt: r.ends_at, liftedAt: r.lifted_at }, now),
    }));
  }

  const banView = (ban: q.BanRow) => ({
    userId: ban.user_id,
    reason: ban.reason,
    endsAt: ban.ends_at ? iso(ban.ends_at) : null,
    lifted: ban.lifted_at !== null,
  });

  /** Bans a person from posting for `days` (or until lifted); an unknown person is 404. */
  async function ban(
    input: { userId: string; days?: number; reason: string },
    by: AuditContext,
  ): Promise<Ban> {
    const row = await db.transaction(async (tx) => {
      if (!(await people(tx, [input.userId])).has(input.userId)) throw notFound('User');
      const now = clock.now();
      const row = await q.insertBan(tx, {
        id: newId(),
        user_id: input.userId,
        reason: input.reason.trim(),
        starts_at: now,
        ends_at: banEnd(now, input.days),
        created_by: by.actorId,
        lifted_at: null,
        lifted_by: null,
      });
      await record(tx, {
        by,
        at: now,
        action: 'moderation.ban',
        target: { type: 'user', id: input.userId },
        before: null,
        after: { banId: row.id, ...banView(row) },
      });
      return row;
    });
    return (await presentBans(db, [row]))[0] as Ban;
  }

  /** Ends a ban now; lifting a lifted ban changes nothing. */
  async function lift(id: string, by: AuditContext): Promise<Ban> {
    const row = await db.transaction(async (tx) => {
      const before = await q.findBan(tx, id);
      if (!before) throw notFound('Ban');
      const after = (await q.liftBan(tx, id, by.actorId, clock.now())) ?? before;
      await record(tx, {
        by,
        at: clock.now(),
        action: 'moderation.ban_lift',
        target: { type: 'user', id: before.user_id },
        before: { banId: id, ...banView(before) },
        after: { banId: id, ...banView(after) },
      });
      return after;
    });
    return (await presentBans(db, [row]))[0] as Ban;
  }

  async function listBans(filter: { active?: boolean; userId?: string; limit: number; cursor?: string }) {
    const rows = await q.bans(db, { ...filter, now: clock.now(), after: decodeTimeCursor(filter.cursor) });
    const shown = new Map((await presentBans(db, rows.slice(0, filter.limit))).map((b) => [b.id, b]));
    return toPage(
      rows,
      filter.limit,
      (r) => [iso(r.starts_at), r.id],
      (r) => shown.get(r.id) as Ban,
    );
  }

  /** The check every module runs before storing public text (Moderation.assertMayPost). */
  async function assertNotBanned(conn: Queryable, userId: string) {
    const ban = await q.activeBan(conn, userId, clock.now());
    if (!ban) return;
    const until = ban.ends_at ? iso(ban.ends_at) : null;
    throw refuse(
      'posting_banned',
      { until },
      until ? `Banned from posting until ${until}` : 'Banned from posting',
    );
  }
  registry.setPostingCheck(assertNotBanned);

  return {
    report,
    queue,
    hide: (type: ModeratedType, id: string, reason: string, by: AuditContext) =>
      setHidden(type, id, true, reason, by),
    restore: (type: ModeratedType, id: string, reason: string | null, by: AuditContext) =>
      setHidden(type, id, false, reason, by),
    dismiss,
    ban,
    lift,
    listBans,
    assertNotBanned,
    /** The trust module's port: how many of this person's items were hidden after reports. */
    complaintsAbout: (conn: Queryable, userId: string) => q.upheldComplaintsAbout(conn, userId),
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
