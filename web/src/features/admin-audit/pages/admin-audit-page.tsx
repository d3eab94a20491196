import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { isAdmin, useUser } from '../../auth';
import {
  type AuditEntry,
  type AuditFilter,
  useAuditLog,
  useAuditSettings,
  useSaveAuditSettings,
} from '../api/audit-log';
import { actionWords, targetWords } from '../components/audit-words';
import { ChangeTable } from '../components/change-table';

const FILTER_KEYS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** The filter in the address, so a search can be shared or linked to (`?targetType=product&targetId=…`). */
function filterOf(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** Who changed what and when, searched by actor, action, target and days; cards that read on a phone. */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const log = useAuditLog(filter);
  const entries = allItems(log.data);
  // Support staff read the log; the retention is an admin's setting.
  const admin = isAdmin(useUser().user);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const narrow = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };

  return (
    <section data-testid="admin-audit">
      <h1>{t('adminAudit.title')}</h1>
      <p className="muted">{t('adminAudit.intro')}</p>
      <form
        className="audit-filter card"
        onSubmit={search}
        data-testid="audit-filter"
        key={params.toString()}
      >
        <label>
          {t('adminAudit.filter.action')}
          <input
            name="action"
            defaultValue={filter.action ?? ''}
            placeholder="product.update"
            autoCapitalize="off"
            data-testid="audit-filter-action"
          />
        </label>
        <label>
          {t('adminAudit.filter.targetType')}
          <input
            name="targetType"
            defaultValue={filter.targetType ?? ''}
            placeholder="product"
            autoCapitalize="off"
            data-testid="audit-filter-target-type"
          />
        </label>
        <label>
          {t('adminAudit.filter.targetId')}
          <input name="targetId" defaultValue={filter.targetId ?? ''} data-testid="audit-filter-target-id" />
        </label>
        <label>
          {t('adminAudit.filter.actor')}
          <input name="actor" defaultValue={filter.actor ?? ''} data-testid="audit-filter-actor" />
        </label>
        <div className="audit-filter-days">
          <label>
            {t('adminAudit.filter.from')}
            <input type="date" name="from" defaultValue={filter.from ?? ''} data-testid="audit-filter-from" />
          </label>
          <label>
            {t('adminAudit.filter.to')}
            <input type="date" name="to" defaultValue={filter.to ?? ''} data-testid="audit-filter-to" />
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" data-testid="audit-search">
            {t('adminAudit.filter.search')}
          </button>
          {Object.keys(filter).length > 0 ? (
            <button
              type="button"
              className="btn btn-outline"
              onClick={() => setParams(new URLSearchParams())}
              data-testid="audit-clear"
            >
              {t('adminAudit.filter.clear')}
            </button>
          ) : null}
        </div>
      </form>

      {log.isPending ? <Spinner /> : null}
      <ErrorMessage error={log.error} />
      {log.isSuccess && entries.length === 0 ? (
        <EmptyState title={t('adminAudit.empty')} testId="audit-empty" />
      ) : null}
      {entries.length > 0 ? (
        <ul className="audit-list" data-testid="audit-list">
          {entries.map((entry) => (
            <AuditCard key={entry.id} entry={entry} onNarrow={narrow} />
          ))}
        </ul>
      ) : null}
      {log.hasNextPage ? (
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
          data-testid="audit-more"
        >
          {log.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      ) : null}

      {admin ? <RetentionForm /> : null}
    </section>
  );
}

function AuditCard({
  entry,
  onNarrow,
}: {
  entry: AuditEntry;
  onNarrow: (key: 'actor' | 'action' | 'targetType' | 'targetId', value: string) => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const kind = entry.before === null ? 'created' : entry.after === null ? 'removed' : 'changed';
  return (
    <li className="card audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-head">
        <button type="button" className="btn-link" onClick={() => onNarrow('action', entry.action)}>
          <span data-testid="audit-action" data-code={entry.action}>
            {actionWords(entry.action, t)}
          </span>
        </button>
        <time dateTime={entry.at} className="muted">
          {dateTime(entry.at)}
        </time>
      </div>
      <p className="audit-who">
        <button
          type="button"
          className="btn-link"
          onClick={() => onNarrow('actor', entry.actor.id)}
          data-testid="audit-actor"
        >
          {entry.actor.name ?? entry.actor.email ?? entry.actor.id}
        </button>{' '}
        <span className="badge">
          {t(`adminAudit.role.${entry.actor.role}`, { defaultValue: entry.actor.role })}
        </span>
      </p>
      <p className="audit-target">
        {t(`adminAudit.kind.${kind}`)}{' '}
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            onNarrow('targetType', entry.target.type);
            onNarrow('targetId', entry.target.id);
          }}
          data-testid="audit-target"
        >
          {targetWords(entry.target.type, t)}{' '}
          <code>{entry.target.id.length > 12 ? `…${entry.target.id.slice(-8)}` : entry.target.id}</code>
        </button>
      </p>
      <ChangeTable entry={entry} />
      <p className="audit-request muted">
        {t('adminAudit.requestId')} <code data-testid="audit-request-id">{entry.requestId}</code>
      </p>
    </li>
  );
}

function RetentionForm() {
  const { t } = useTranslation();
  const settings = useAuditSettings();
  const save = useSaveAuditSettings();
  const [days, setDays] = useState<string | null>(null);
  const shown = days ?? String(settings.data?.retentionDays ?? '');
  return (
    <form
      className="card audit-retention"
      data-testid="audit-retention"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ retentionDays: Number(shown) }, { onSuccess: () => setDays(null) });
      }}
    >
      <h2>{t('adminAudit.retention.title')}</h2>
      <p className="muted">{t('adminAudit.retention.intro')}</p>
      <ErrorMessage error={settings.error ?? save.error} />
      <label>
        {t('adminAudit.retention.days')}
        <input
          type="number"
          inputMode="numeric"
          min={30}
          max={3650}
          required
          value={shown}
          onChange={(event) => setDays(event.target.value)}
          data-testid="audit-retention-days"
        />
      </label>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending || !settings.isSuccess}
        data-testid="audit-retention-save"
      >
        {save.isPending ? t('common.working') : t('adminAudit.retention.save')}
      </button>
      {save.isSuccess && days === null ? (
        <p className="alert alert-success" role="status" data-testid="audit-retention-saved">
          {t('adminAudit.retention.saved')}
        </p>
      ) : null}
    </form>
  );
}
