import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { apiClient, call } from '../../../lib/api';
import { isApiError } from '../../../lib/api-error';
import { useRoomEvents } from '../api/room-events';
import { liveKey, useLiveRoom } from '../api/rooms';
import { Chat } from '../components/chat';
import { Countdown } from '../components/countdown';
import { PinCard } from '../components/pin-card';
import { Player } from '../components/player';
import { StatusBadge } from '../components/room-card';
import { messagesUntil, pinAt } from '../replay';
import type { LiveRoom } from '../types';

/** A live room: the countdown before, the video with its pinned product and chat during, the replay after. */
export function LiveRoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const room = useLiveRoom(id);
  if (room.isPending) return <Spinner />;
  if (isApiError(room.error, 404))
    return (
      <StatusPage title={t('live.notFound')} testId="live-not-found">
        <Link className="btn btn-primary" to="/live">
          {t('live.allRooms')}
        </Link>
      </StatusPage>
    );
  if (!room.data) return <ErrorMessage error={room.error} />;
  const r = room.data;
  return (
    <section className="page narrow live-page" data-testid="live-room-page" data-status={r.status}>
      <Link to="/live" className="muted">
        {t('live.allRooms')}
      </Link>
      <div className="live-head">
        <h1>{r.title}</h1>
        <StatusBadge status={r.status} />
      </div>
      <p className="muted">{t('live.hostedBy', { name: r.host.name })}</p>
      {r.status === 'ended' ? (
        <Replay room={r} />
      ) : r.status === 'cancelled' ? (
        <p>{t('live.cancelledNote')}</p>
      ) : (
        <OnAir room={r} />
      )}
      {r.description ? <p className="live-description">{r.description}</p> : null}
    </section>
  );
}

/** Before and during the session: the stream of events keeps the chat and the pin current. */
function OnAir({ room }: { room: LiveRoom }) {
  const feed = useRoomEvents(room.id, true);
  const pin = feed.pin === undefined ? room.currentPin : feed.pin;
  return (
    <>
      <div className="live-stage">
        {room.status === 'scheduled' ? (
          <Countdown startsAt={room.startsAt} />
        ) : (
          <Player streamUrl={room.streamUrl} videoUrl={room.videoUrl} live />
        )}
        {room.status === 'live' && pin ? <PinCard roomId={room.id} pin={pin} /> : null}
      </div>
      <Chat roomId={room.id} messages={feed.messages} open />
    </>
  );
}

/** After the session: each pin and message shows at its moment of the recording. */
function Replay({ room }: { room: LiveRoom }) {
  const { t } = useTranslation();
  const [ms, setMs] = useState(0);
  const messages = useQuery({
    queryKey: [...liveKey, 'messages', room.id],
    queryFn: () =>
      call(
        apiClient.GET('/api/live-rooms/{id}/messages', {
          params: { path: { id: room.id }, query: { limit: 100 } },
        }),
      ),
  });
  const pin = pinAt(room.pins, ms);
  return (
    <>
      <p className="muted" data-testid="live-replay">
        {t('live.replayNote')}
      </p>
      <div className="live-stage">
        <Player streamUrl={room.streamUrl} videoUrl={room.videoUrl} live={false} onTime={setMs} />
        {pin ? <PinCard roomId={room.id} pin={pin} /> : null}
      </div>
      {room.pins.length > 0 ? (
        <ol className="live-pin-times" data-testid="live-pin-times">
          {room.pins.map((p) => (
            <li key={p.id}>
              {formatMs(p.atMs)} · {p.product?.title ?? t('live.productGone')}
            </li>
          ))}
        </ol>
      ) : null}
      <Chat roomId={room.id} messages={messagesUntil(messages.data?.items ?? [], ms)} open={false} />
    </>
  );
}

/** A time into the session as m:ss (or h:mm:ss). */
export function formatMs(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
