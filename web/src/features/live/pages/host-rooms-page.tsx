import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { apiClient, call } from '../../../lib/api';
import { useUser } from '../../auth';
import { useScheduleRoom } from '../api/mutations';
import { useMyLiveRooms } from '../api/rooms';
import { RoomCard } from '../components/room-card';

/** Sends a video file; the server judges it by its bytes. */
const uploadVideo = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return call(apiClient.POST('/api/uploads/videos', { body: form as never }));
};

/** The host's rooms and the form to schedule one (shopkeepers and operators). */
export function HostRoomsPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const rooms = useMyLiveRooms();
  const mayHost = user?.roles.some((r) => r === 'shopkeeper' || r === 'admin');
  return (
    <section className="page narrow" data-testid="host-rooms-page">
      <h1>{t('live.host.title')}</h1>
      {mayHost ? <ScheduleForm /> : <p className="muted">{t('live.host.onlyShopkeepers')}</p>}
      <h2>{t('live.host.mine')}</h2>
      {rooms.isPending ? <Spinner /> : null}
      <ErrorMessage error={rooms.error} />
      {rooms.data && rooms.data.items.length === 0 ? <EmptyState title={t('live.host.none')} /> : null}
      <ul className="live-list">
        {rooms.data?.items.map((room) => (
          <RoomCard key={room.id} room={room} to={`/my-live/${room.id}`} />
        ))}
      </ul>
    </section>
  );
}

/** The local date-time input's value for a moment (minutes), and back. */
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function ScheduleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schedule = useScheduleRoom();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInput(new Date(Date.now() + 3_600_000)));
  const [source, setSource] = useState<'stream' | 'video'>('stream');
  const [streamUrl, setStreamUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUploadError(null);
    let videoId: string | undefined;
    if (source === 'video') {
      if (!file) return;
      setUploading(true);
      try {
        videoId = (await uploadVideo(file)).id;
      } catch (err) {
        setUploadError(err);
        return;
      } finally {
        setUploading(false);
      }
    }
    schedule.mutate(
      {
        title,
        ...(description ? { description } : {}),
        startsAt: new Date(startsAt).toISOString(),
        ...(source === 'stream' ? { streamUrl } : { videoId }),
      },
      { onSuccess: (room) => navigate(`/my-live/${room.id}`) },
    );
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="live-schedule-form">
      <h2>{t('live.host.schedule')}</h2>
      <label>
        {t('live.host.roomTitle')}
        <input
          required
          maxLength={120}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="live-title"
        />
      </label>
      <label>
        {t('live.host.description')}
        <textarea maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        {t('live.host.startsAt')}
        <input
          type="datetime-local"
          required
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          data-testid="live-starts-at"
        />
      </label>
      {/* `.checkbox` sizes the radios as boxes beside their text, not as full-width fields. */}
      <fieldset className="live-source-choice">
        <legend>{t('live.host.source')}</legend>
        <label className="checkbox">
          <input type="radio" checked={source === 'stream'} onChange={() => setSource('stream')} />{' '}
          {t('live.host.stream')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            checked={source === 'video'}
            onChange={() => setSource('video')}
            data-testid="live-source-video"
          />{' '}
          {t('live.host.video')}
        </label>
      </fieldset>
      {source === 'stream' ? (
        <label>
          {t('live.host.streamUrl')}
          <input
            type="url"
            required
            placeholder="https://…/index.m3u8"
            value={streamUrl}
            onChange={(e) => setStreamUrl(e.target.value)}
            data-testid="live-stream-url"
          />
        </label>
      ) : (
        <label>
          {t('live.host.videoFile')}
          <input
            type="file"
            required
            accept="video/mp4,video/webm"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="live-video-file"
          />
        </label>
      )}
      <ErrorMessage error={uploadError ?? schedule.error} />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={schedule.isPending || uploading}
        data-testid="live-schedule"
      >
        {uploading ? t('live.host.uploading') : t('live.host.scheduleButton')}
      </button>
      <p className="muted">
        <Link to="/live">{t('live.allRooms')}</Link>
      </p>
    </form>
  );
}
