import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useLiveRooms } from '../api/rooms';
import { RoomCard } from '../components/room-card';
import type { RoomList } from '../types';

const SECTIONS: RoomList[] = ['live', 'upcoming', 'replays'];

/** Live now, coming up, and replays. */
export function LiveRoomsPage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow" data-testid="live-rooms-page">
      <h1>{t('live.title')}</h1>
      <p>
        <Link to="/my-live">{t('live.hostLink')}</Link>
      </p>
      {SECTIONS.map((status) => (
        <RoomSection key={status} status={status} />
      ))}
    </section>
  );
}

function RoomSection({ status }: { status: RoomList }) {
  const { t } = useTranslation();
  const rooms = useLiveRooms(status);
  return (
    <section data-testid={`live-section-${status}`}>
      <h2>{t(`live.sections.${status}`)}</h2>
      {rooms.isPending ? <Spinner /> : null}
      <ErrorMessage error={rooms.error} />
      {rooms.data && rooms.data.items.length === 0 ? <EmptyState title={t(`live.none.${status}`)} /> : null}
      <ul className="live-list">
        {rooms.data?.items.map((room) => (
          <RoomCard key={room.id} room={room} />
        ))}
      </ul>
    </section>
  );
}
