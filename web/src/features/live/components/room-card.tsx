import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTime } from '../../../lib/config';
import type { LiveRoom } from '../types';

export function StatusBadge({ status }: { status: LiveRoom['status'] }) {
  const { t } = useTranslation();
  return <span className={`live-badge live-badge-${status}`}>{t(`live.status.${status}`)}</span>;
}

/** A room in a list: title, host, state and when. */
export function RoomCard({ room, to }: { room: LiveRoom; to?: string }) {
  const when = useDateTime();
  return (
    <li className="card live-card" data-testid="live-room-card">
      <Link to={to ?? `/live/${room.id}`} className="live-card-link">
        <div className="live-card-head">
          <strong>{room.title}</strong>
          <StatusBadge status={room.status} />
        </div>
        <small className="muted">
          {room.host.name} · {when(room.startedAt ?? room.startsAt)}
        </small>
      </Link>
    </li>
  );
}
