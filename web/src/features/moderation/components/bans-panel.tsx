import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { type Ban, useBan, useBans, useLiftBan } from '../api/moderation';

/** Banning a person from posting (for days, or until lifted), and the bans with their lift buttons. */
export function BansPanel({ initialUserId }: { initialUserId: string }) {
  const { t } = useTranslation();
  const ban = useBan();
  const [userId, setUserId] = useState(initialUserId);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [activeOnly, setActiveOnly] = useState(true);
  const pages = useBans(activeOnly);
  const bans = allItems(pages.data);

  function submit(event: FormEvent) {
    event.preventDefault();
    ban.mutate(
      { userId: userId.trim(), reason, ...(days ? { days: Number(days) } : {}) },
      {
        onSuccess: () => {
          setReason('');
          setDays('');
        },
      },
    );
  }

  return (
    <div data-testid="moderation-bans">
      <form className="card" onSubmit={submit} data-testid="ban-form">
        <h2>{t('moderation.banTitle')}</h2>
        <div className="field">
          <label htmlFor="ban-user">{t('moderation.banUser')}</label>
          <input
            id="ban-user"
            required
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            data-testid="ban-user"
          />
        </div>
        <div className="field">
          <label htmlFor="ban-days">{t('moderation.banDays')}</label>
          <input
            id="ban-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            data-testid="ban-days"
          />
        </div>
        <div className="field">
          <label htmlFor="ban-reason">{t('moderation.banReason')}</label>
          <input
            id="ban-reason"
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="ban-reason"
          />
        </div>
        <ErrorMessage error={ban.error} />
        {ban.isSuccess ? (
          <p className="alert alert-success" role="status">
            {t('moderation.banned')}
          </p>
        ) : null}
        <button type="submit" className="btn btn-danger" disabled={ban.isPending} data-testid="ban-submit">
          {t('moderation.ban')}
        </button>
      </form>
      <label className="checkbox">
        <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />{' '}
        {t('moderation.activeOnly')}
      </label>
      <ListStatus
        pending={pages.isPending}
        error={pages.error}
        empty={bans.length === 0}
        emptyTitle={t('moderation.noBans')}
      />
      <ul className="queue-list">
        {bans.map((b) => (
          <BanRow key={b.id} ban={b} />
        ))}
      </ul>
      <LoadMore pages={pages} />
    </div>
  );
}

function BanRow({ ban }: { ban: Ban }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const lift = useLiftBan();
  return (
    <li className="card" data-testid="ban-row">
      <p>
        <strong>{ban.user.name || ban.user.id}</strong> <span className="muted">{ban.user.email}</span>
      </p>
      <p className="muted">
        {ban.reason} ·{' '}
        {ban.liftedAt
          ? t('moderation.lifted', { time: dateTime(ban.liftedAt) })
          : ban.endsAt
            ? t('moderation.until', { time: dateTime(ban.endsAt) })
            : t('moderation.untilLifted')}
      </p>
      {ban.active ? (
        <button
          type="button"
          className="btn btn-outline btn-small"
          disabled={lift.isPending}
          onClick={() => lift.mutate(ban.id)}
          data-testid="ban-lift"
        >
          {t('moderation.lift')}
        </button>
      ) : null}
      <ErrorMessage error={lift.error} />
    </li>
  );
}
