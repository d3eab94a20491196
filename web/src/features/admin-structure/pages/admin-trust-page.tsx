import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useSaveTrustSettings, useTrustList, useTrustSettings } from '../../trust';

/** The console's trust list, lowest first, and the threshold below which new commissions are held. */
export function AdminTrustPage() {
  const { t } = useTranslation();
  const list = useTrustList();
  const items = allItems(list.data);
  return (
    <section data-testid="admin-trust-page">
      <h1>{t('trust.title')}</h1>
      <p className="muted">{t('trust.intro')}</p>
      <ThresholdForm />
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('trust.empty')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-trust-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('trust.score')}</th>
                <th scope="col">{t('trust.orders')}</th>
                <th scope="col">{t('trust.held')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.user.id} data-testid="admin-trust-row" data-score={i.score}>
                  <td data-label={t('adminDistribution.promoter')}>
                    <Link to={`/admin/trust/${encodeURIComponent(i.user.id)}`}>{i.user.name}</Link>
                    <br />
                    <small className="muted">{i.user.email}</small>
                  </td>
                  <td data-label={t('trust.score')}>{i.score}</td>
                  <td data-label={t('trust.orders')}>{i.orders}</td>
                  <td data-label={t('trust.held')}>
                    {i.held ? (
                      <span className="badge status-held">{t('trust.held')}</span>
                    ) : (
                      t('trust.notHeld')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </section>
  );
}

function ThresholdForm() {
  const { t } = useTranslation();
  const settings = useTrustSettings();
  const save = useSaveTrustSettings();
  const [value, setValue] = useState('');
  useEffect(() => {
    if (settings.data) setValue(String(settings.data.threshold));
  }, [settings.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (Number.isInteger(n) && n >= 0 && n <= 100) save.mutate(n);
  };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="trust-threshold-form">
      <label>
        {t('trust.threshold')}
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid="trust-threshold"
        />
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
        {t('trust.saveThreshold')}
      </button>
      {save.isSuccess ? <span className="muted">{t('trust.saved')}</span> : null}
      <small className="muted">{t('trust.thresholdHint')}</small>
      <ErrorMessage error={settings.error ?? save.error} />
    </form>
  );
}
