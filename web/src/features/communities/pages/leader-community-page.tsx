import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useCommunity } from '../api/community';
import { usePackingList, useUncollected, useVerifyPickup, useWaves } from '../api/pickups';
import { QrScanner } from '../components/qr-scanner';

type Tab = 'handover' | 'waves' | 'uncollected';

/** The leader's (and helpers') screens for one community: hand-over, waves and packing lists, uncollected orders. */
export function LeaderCommunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const community = useCommunity(id);
  const [tab, setTab] = useState<Tab>('handover');
  if (community.isPending) return <Spinner />;
  if (!community.data) return <ErrorMessage error={community.error} />;
  return (
    <section className="page narrow" data-testid="leader-community">
      <h1>{community.data.name}</h1>
      <p className="muted">
        <Link to={`/communities/${id}`}>{community.data.pickupPoint.name}</Link>
      </p>
      <div className="tabs" role="tablist">
        {(['handover', 'waves', 'uncollected'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'btn btn-primary' : 'btn btn-secondary'}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`communities.leader.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'handover' ? <HandOver communityId={id} /> : null}
      {tab === 'waves' ? <Waves communityId={id} /> : null}
      {tab === 'uncollected' ? <Uncollected communityId={id} /> : null}
    </section>
  );
}

function HandOver({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const verify = useVerifyPickup(communityId);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const onScanned = useCallback(
    (text: string) => {
      setScanning(false);
      setCode(text);
      verify.mutate(text);
    },
    [verify.mutate],
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim()) verify.mutate(code.trim());
  }
  const done = verify.data;
  return (
    <div className="card">
      <form onSubmit={submit}>
        <label className="field">
          <span>{t('communities.leader.code')}</span>
          <input
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="verify-code"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={verify.isPending}
          data-testid="verify-submit"
        >
          {verify.isPending ? t('common.working') : t('communities.leader.handOver')}
        </button>
      </form>
      {scanning ? (
        <QrScanner onCode={onScanned} onClose={() => setScanning(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => setScanning(true)}
          data-testid="scan-qr"
        >
          {t('communities.leader.scan')}
        </button>
      )}
      <ErrorMessage error={verify.error} />
      {done ? (
        <div className="alert alert-success" role="status" data-testid="handed-over">
          <p>{t('communities.leader.handedOver', { name: done.buyer.name })}</p>
          <ul>
            {done.items.map((i) => (
              <li key={i.id}>
                {i.title} {i.variantTitle} × {i.quantity - i.refundedQuantity}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Waves({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const waves = useWaves(communityId);
  const [chosen, setChosen] = useState<string | null>(null);
  const packing = usePackingList(communityId, chosen);
  if (waves.isPending) return <Spinner />;
  if (waves.error) return <ErrorMessage error={waves.error} />;
  if (waves.data.items.length === 0) return <EmptyState title={t('communities.leader.noWaves')} />;
  return (
    <div>
      <ul className="plain-list">
        {waves.data.items.map((w) => (
          <li key={w.id} className="card">
            <button type="button" className="link-button" onClick={() => setChosen(w.id)} data-testid="wave">
              {t('communities.leader.waveOf', { time: when(w.cutoffAt) })}
            </button>
            <p className="muted">
              {t(`communities.waveStatus.${w.status}`)} ·{' '}
              {t('communities.leader.waveCounts', { orders: w.orders, collected: w.collected })}
            </p>
          </li>
        ))}
      </ul>
      {packing.isPending && chosen ? <Spinner /> : null}
      {packing.data ? (
        <div className="card" data-testid="packing-list">
          <h2>{t('communities.leader.packingList')}</h2>
          <table className="table">
            <tbody>
              {packing.data.lines.map((l) => (
                <tr key={l.variantId}>
                  <td>
                    {l.title} <span className="muted">{l.variantTitle}</span>
                  </td>
                  <td className="num" data-testid="packing-quantity">
                    × {l.quantity}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('communities.leader.buyers')}</h3>
          <ul className="plain-list">
            {packing.data.orders.map((o) => (
              <li key={o.orderId}>
                <strong>{o.buyer.name}</strong> —{' '}
                {o.items.map((i) => `${i.title} × ${i.quantity}`).join(', ')} ·{' '}
                {t(`communities.pickupStatus.${o.status}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Uncollected({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const list = useUncollected(communityId);
  if (list.isPending) return <Spinner />;
  if (list.error) return <ErrorMessage error={list.error} />;
  if (list.data.items.length === 0) return <EmptyState title={t('communities.leader.allCollected')} />;
  return (
    <ul className="plain-list" data-testid="uncollected">
      {list.data.items.map((p) => (
        <li key={p.orderId} className="card">
          <strong>{p.buyer.name}</strong>
          <p>{p.items.map((i) => `${i.title} × ${i.quantity}`).join(', ')}</p>
          {p.collectBy ? (
            <p className="muted">{t('communities.pickup.collectBy', { time: when(p.collectBy) })}</p>
          ) : null}
          {p.remindedAt ? <p className="muted">{t('communities.leader.reminded')}</p> : null}
        </li>
      ))}
    </ul>
  );
}
