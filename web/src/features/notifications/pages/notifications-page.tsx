import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allNotifications, useMarkRead, useNotifications } from '../api/notifications';
import type { Notification } from '../types';

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(n.createdAt),
  );
  return (
    <li>
      <Link
        to={n.link}
        className={`notification${n.readAt ? '' : ' notification-unread'}`}
        onClick={onOpen}
        data-testid="notification"
        data-type={n.type}
      >
        <span className="notification-title">
          {n.readAt ? null : (
            <>
              <span className="notification-dot" aria-hidden="true" />
              <span className="visually-hidden">{t('notifications.unread')}</span>
            </>
          )}
          {n.title}
        </span>
        <span className="notification-body">{n.body}</span>
        <time className="muted" dateTime={n.createdAt}>
          {when}
        </time>
      </Link>
    </li>
  );
}

/** The notification centre: newest first, each linking to what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const inbox = useNotifications();
  const markRead = useMarkRead();
  const items = allNotifications(inbox.data);
  const unread = inbox.data?.pages[0]?.unread ?? 0;

  return (
    <section className="page narrow" data-testid="notifications-page">
      <div className="page-title-row">
        <h1>{t('notifications.title')}</h1>
        {unread > 0 ? (
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => markRead.mutate(undefined)}
            disabled={markRead.isPending}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      <ListStatus
        pending={inbox.isPending}
        error={inbox.error}
        empty={items.length === 0}
        emptyTitle={t('notifications.empty')}
        emptyTestId="notifications-empty"
      >
        <p className="muted">{t('notifications.emptyHint')}</p>
      </ListStatus>
      <ul className="plain-list notification-list">
        {items.map((n) => (
          <NotificationItem
            key={n.id}
            n={n}
            onOpen={() => (n.readAt ? undefined : markRead.mutate([n.id]))}
          />
        ))}
      </ul>
      <LoadMore pages={inbox} />
    </section>
  );
}
