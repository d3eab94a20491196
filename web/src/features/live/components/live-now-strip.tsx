import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveRooms } from '../api/rooms';

/** On the storefront: the sessions on air now (nothing when none), and the way to every room. */
export function LiveNowStrip() {
  const { t } = useTranslation();
  const rooms = useLiveRooms('live');
  const live = rooms.data?.items ?? [];
  return (
    <section className="live-strip" aria-label={t('live.sections.live')} data-testid="live-now-strip">
      <Link to="/live" className="live-strip-title">
        <span className="live-dot" aria-hidden="true" /> {t('live.title')}
      </Link>
      {live.slice(0, 3).map((room) => (
        <Link key={room.id} to={`/live/${room.id}`} className="live-strip-room" data-testid="live-now-room">
          {room.title}
        </Link>
      ))}
    </section>
  );
}
