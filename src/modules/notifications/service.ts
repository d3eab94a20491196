import type { Static } from 'typebox';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AccountsService } from '../accounts/index.js';
import type { Mailer } from './mailer.js';
import * as q from './queries.js';
import {
  addressOf,
  EMAIL_BY_DEFAULT,
  isNotificationType,
  NOTIFICATION_TYPES,
  type NotificationEvent,
  type NotificationType,
  renderNotification,
} from './rules.js';
import type { NotificationSchema } from './schemas.js';

export const EMAIL_JOB = 'notifications.email';

/** A notification as the API shows it: the response schema's type. */
export type Notification = Static<typeof NotificationSchema>;

export type EmailPreferences = Record<NotificationType, boolean>;

export interface NotificationsDeps {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
  mailer: Mailer;
  accounts: Pick<AccountsService, 'recipient'>;
  currency: string;
  /** Absolute base of the links in emails; relative links when unset. */
  publicUrl: string | undefined;
}

const present = (r: q.NotificationRow): Notification => ({
  id: r.id,
  type: r.type as NotificationType,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/**
 * In-app notifications and their emails. `notify` is a deferred reaction (src/reactions.ts): it
 * runs in a job queued by the event's transaction, writes one notification per person and event
 * (a second run finds them written), and queues the email in the same transaction when the
 * person wants email for that type. The email job sends outside any transaction.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const { db, clock, jobs, mailer, accounts } = deps;

  async function preferencesOf(conn: Queryable, userId: string): Promise<EmailPreferences> {
    const saved = await q.emailPreferences(conn, userId);
    const prefs = { ...EMAIL_BY_DEFAULT };
    for (const row of saved) if (isNotificationType(row.type)) prefs[row.type] = row.email;
    return prefs;
  }

  async function notify<T extends NotificationType>(tx: Tx, type: T, event: NotificationEvent<T>) {
    const { recipients, subject, link } = addressOf(type, event);
    for (const userId of recipients) {
      const person = await accounts.recipient(tx, userId);
      if (!person) continue;
      const text = renderNotification(type, event, person.language, deps.currency);
      const id = await q.insertNotification(tx, {
        id: newId(),
        user_id: userId,
        type,
        subject,
        link,
        ...text,
        created_at: clock.now(),
      });
      if (id && (await preferencesOf(tx, userId))[type]) {
        await jobs.enqueue(tx, EMAIL_JOB, { notificationId: id }, { dedupeKey: `${EMAIL_JOB}:${id}` });
      }
    }
  }

  /** Sends one notification's email; a notification already emailed is not sent again. */
  async function sendEmail(notificationId: string) {
    const n = await q.findNotification(db, notificationId);
    if (!n || n.emailed_at) return;
    const person = await accounts.recipient(db, n.user_id);
    if (!person) return;
    const link = deps.publicUrl ? `${deps.publicUrl}${n.link}` : n.link;
    await mailer.send({ to: person.email, subject: n.title, text: `${n.body}\n\n${link}\n` });
    await q.markEmailed(db, n.id, clock.now());
  }
  jobs.register(EMAIL_JOB, (payload) => sendEmail(String(payload.notificationId)));

  async function list(userId: string, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const [beforeId] = decodeCursor(page.cursor) ?? [];
    const rows = await q.listNotifications(db, {
      userId,
      limit,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    return { ...toPage(rows, limit, (r) => [r.id], present), unread: await q.unreadCount(db, userId) };
  }

  /** Marks the given notifications read (all when `ids` is absent); ids of others' are ignored. */
  async function markRead(userId: string, ids?: readonly string[]) {
    await q.markRead(db, userId, ids, clock.now());
    return { unread: await q.unreadCount(db, userId) };
  }

  const emailPreferences = (userId: string) => preferencesOf(db, userId);

  async function updateEmailPreferences(userId: string, patch: Partial<EmailPreferences>) {
    await db.transaction(async (tx) => {
      for (const type of NOTIFICATION_TYPES) {
        const email = patch[type];
        if (email !== undefined) await q.saveEmailPreference(tx, { userId, type, email, now: clock.now() });
      }
    });
    return preferencesOf(db, userId);
  }

  return { notify, sendEmail, list, markRead, emailPreferences, updateEmailPreferences };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
