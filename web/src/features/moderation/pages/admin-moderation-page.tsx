import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { AdminReviewsList } from '../../reviews/admin';
import { type Decision, type QueueEntry, type QueueStatus, useDecide, useQueue } from '../api/moderation';
import { BansPanel } from '../components/bans-panel';

type Tab = 'queue' | 'reviews' | 'bans';
const STATUSES: QueueStatus[] = ['open', 'actioned', 'dismissed'];

/** The console's moderation: what people reported, every review, and bans from posting. */
export function AdminModerationPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('queue');
  const [banUser, setBanUser] = useState('');
  return (
    <section className="admin-page moderation-page" data-testid="admin-moderation">
      <h1>{t('moderation.title')}</h1>
      <div className="chips tabs" role="tablist">
        {(['queue', 'reviews', 'bans'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'chip chip-active' : 'chip'}
            onClick={() => setTab(name)}
            data-testid={`moderation-tab-${name}`}
          >
            {t(`moderation.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'queue' ? (
        <Queue
          onBan={(userId) => {
            setBanUser(userId);
            setTab('bans');
          }}
        />
      ) : null}
      {tab === 'reviews' ? <AdminReviewsList /> : null}
      {tab === 'bans' ? <BansPanel initialUserId={banUser} /> : null}
    </section>
  );
}

function Queue({ onBan }: { onBan: (userId: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<QueueStatus>('open');
  const pages = useQueue(status);
  const entries = allItems(pages.data);
  return (
    <div data-testid="moderation-queue">
      <div className="field">
        <label htmlFor="queue-status">{t('moderation.statusLabel')}</label>
        <select
          id="queue-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as QueueStatus)}
          data-testid="queue-status"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`moderation.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ListStatus
        pending={pages.isPending}
        error={pages.error}
        empty={entries.length === 0}
        emptyTitle={t('moderation.empty')}
        emptyTestId="queue-empty"
      />
      <ul className="queue-list">
        {entries.map((entry) => (
          <QueueCard key={`${entry.type}:${entry.id}`} entry={entry} onBan={onBan} />
        ))}
      </ul>
      <LoadMore pages={pages} />
    </div>
  );
}

function QueueCard({ entry, onBan }: { entry: QueueEntry; onBan: (userId: string) => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const decide = useDecide();
  const [asking, setAsking] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!asking) return;
    decide.mutate({ entry, decision: asking, reason: reason.trim() }, { onSuccess: () => setAsking(null) });
  }
  const item = entry.item;
  return (
    <li className="card queue-card" data-testid="queue-entry" data-item-id={entry.id}>
      <p className="eyebrow">
        {t(`moderation.types.${entry.type}`)} · {t('moderation.reports', { count: entry.reports })} ·{' '}
        {t('moderation.lastReported', { time: dateTime(entry.lastReportedAt) })}
      </p>
      {item ? (
        <>
          {/* The reported text as typed, rendered as text: markup in it stays characters. */}
          <p className="queue-text" data-testid="queue-text">
            {item.text}
          </p>
          <p className="muted">
            {t('moderation.by', { name: item.author.name })}
            {item.hidden ? (
              <span className="badge" data-testid="queue-hidden">
                {' '}
                {t('moderation.hiddenNow')}
              </span>
            ) : null}
            {item.link ? (
              <>
                {' · '}
                <a href={item.link} target="_blank" rel="noreferrer">
                  {t('moderation.open')}
                </a>
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p className="muted">{t('moderation.gone')}</p>
      )}
      <p className="queue-reasons">
        {entry.reasons.map((r) => (
          <span key={r.reason} className="badge badge-muted">
            {t(`report.reasons.${r.reason}`)} × {r.count}
          </span>
        ))}
      </p>
      {entry.notes.length > 0 ? (
        <ul className="queue-notes">
          {entry.notes.map((note, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes may repeat; their order is fixed.
            <li key={i}>“{note}”</li>
          ))}
        </ul>
      ) : null}
      {asking ? (
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor={`decide-${entry.id}`}>{t('moderation.reason')}</label>
          <input
            id={`decide-${entry.id}`}
            required={asking === 'hide'}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="decision-reason"
          />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary btn-small"
              disabled={decide.isPending}
              data-testid="decision-confirm"
            >
              {t('moderation.confirm')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setAsking(null)}>
              {t('moderation.cancel')}
            </button>
          </div>
        </form>
      ) : item ? (
        <div className="form-actions">
          {item.hidden ? (
            <button
              type="button"
              className="btn btn-outline btn-small"
              onClick={() => setAsking('restore')}
              data-testid="queue-restore"
            >
              {t('moderation.restore')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-danger btn-small"
              onClick={() => setAsking('hide')}
              data-testid="queue-hide"
            >
              {t('moderation.hide')}
            </button>
          )}
          {entry.status === 'open' ? (
            <button
              type="button"
              className="btn btn-outline btn-small"
              onClick={() => setAsking('dismiss')}
              data-testid="queue-dismiss"
            >
              {t('moderation.dismiss')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onBan(item.author.id)}
            data-testid="queue-ban"
          >
            {t('moderation.banAuthor')}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={decide.error} />
    </li>
  );
}
