import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import { useProducts } from '../../catalog';
import { usePinProduct, useRoomAction, useUnpin } from '../api/mutations';
import { useLiveRoom } from '../api/rooms';
import { StatusBadge } from '../components/room-card';
import { StatsPanel } from '../components/stats-panel';
import type { LiveRoom } from '../types';

/** The host's controls for one room: start, pin and unpin products, end; and its figures. */
export function HostRoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const room = useLiveRoom(id);
  if (room.isPending) return <Spinner />;
  if (!room.data) return <ErrorMessage error={room.error} />;
  const r = room.data;
  return (
    <section className="page narrow" data-testid="host-room-page" data-status={r.status}>
      <Link to="/my-live" className="muted">
        {t('live.host.title')}
      </Link>
      <div className="live-head">
        <h1>{r.title}</h1>
        <StatusBadge status={r.status} />
      </div>
      <p>
        <Link to={`/live/${r.id}`} data-testid="host-view-room">
          {t('live.host.viewAsViewer')}
        </Link>
      </p>
      <Controls room={r} />
      {r.status === 'live' ? <Pinning room={r} /> : null}
      <h2>{t('live.stats.title')}</h2>
      <StatsPanel roomId={r.id} />
    </section>
  );
}

function Controls({ room }: { room: LiveRoom }) {
  const { t } = useTranslation();
  const act = useRoomAction(room.id);
  return (
    <div className="live-controls">
      {room.status === 'scheduled' ? (
        <>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => act.mutate('start')}
            data-testid="live-start"
          >
            {t('live.host.start')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => act.mutate('cancel')}
            data-testid="live-cancel"
          >
            {t('live.host.cancel')}
          </button>
        </>
      ) : null}
      {room.status === 'live' ? (
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => act.mutate('end')}
          data-testid="live-end"
        >
          {t('live.host.end')}
        </button>
      ) : null}
      <ErrorMessage error={act.error} />
    </div>
  );
}

function Pinning({ room }: { room: LiveRoom }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [q, setQ] = useState('');
  const products = useProducts({ q: q.trim() || undefined });
  const pin = usePinProduct(room.id);
  const unpin = useUnpin(room.id);
  const found = products.data?.pages.flatMap((p) => p.items).slice(0, 10) ?? [];
  return (
    <section className="card" data-testid="live-pinning">
      <h2>{t('live.host.pinned')}</h2>
      {room.currentPin?.product ? (
        <p data-testid="live-current-pin">
          <strong>{room.currentPin.product.title}</strong> · {money(room.currentPin.product.price)}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => unpin.mutate()}
            data-testid="live-unpin"
          >
            {t('live.host.unpin')}
          </button>
        </p>
      ) : (
        <p className="muted">{t('live.host.nothingPinned')}</p>
      )}
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('live.host.findProduct')}
        aria-label={t('live.host.findProduct')}
        data-testid="live-product-search"
      />
      <ul className="live-product-results">
        {found.map((p) => (
          <li key={p.id}>
            <span>{p.title}</span>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={pin.isPending || room.currentPin?.productId === p.id}
              onClick={() => pin.mutate(p.id)}
              data-testid="live-pin-product"
            >
              {t('live.host.pin')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={pin.error ?? unpin.error} />
    </section>
  );
}
