import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useAdminLiveRooms } from '../api/rooms';
import { StatusBadge } from '../components/room-card';
import { StatsPanel } from '../components/stats-panel';

/** The console's live rooms: every host's sessions, and one's figures when opened. */
export function AdminLivePage() {
  const { t } = useTranslation();
  const when = useDateTime();
  const rooms = useAdminLiveRooms();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section data-testid="admin-live-page">
      <h1>{t('live.admin.title')}</h1>
      {rooms.isPending ? <Spinner /> : null}
      <ErrorMessage error={rooms.error} />
      {rooms.data && rooms.data.items.length === 0 ? <EmptyState title={t('live.admin.none')} /> : null}
      <ul className="live-list">
        {rooms.data?.items.map((room) => (
          <li key={room.id} className="card" data-testid="admin-live-room">
            <div className="live-card-head">
              <Link to={`/live/${room.id}`}>{room.title}</Link>
              <StatusBadge status={room.status} />
            </div>
            <small className="muted">
              {room.host.name} · {when(room.startedAt ?? room.startsAt)}
            </small>
            <button
              type="button"
              className="link-button"
              onClick={() => setOpen(open === room.id ? null : room.id)}
              data-testid="admin-live-stats-toggle"
            >
              {open === room.id ? t('live.admin.hideStats') : t('live.admin.showStats')}
            </button>
            {open === room.id ? <StatsPanel roomId={room.id} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
