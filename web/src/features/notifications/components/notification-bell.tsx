import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useUnreadCount } from '../api/notifications';

const BellIcon = () => (
  <svg
    aria-hidden="true"
    width={22}
    height={22}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

/** The header's bell (signed in only): a link to the notification centre with the unread count. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount();
  const { pathname } = useLocation();
  const { refetch } = count;
  // Besides the 30 s poll and window focus: going to another page (after paying, say) asks again.
  useEffect(() => {
    if (pathname) void refetch();
  }, [pathname, refetch]);
  const unread = count.data ?? 0;
  return (
    <Link
      to="/notifications"
      className="header-link notification-bell"
      aria-label={t('notifications.bellLabel', { count: unread })}
      data-testid="notification-bell"
    >
      <BellIcon />
      {unread > 0 ? (
        <span className="notification-count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
