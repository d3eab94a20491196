import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { type Fission, type PeriodFilter, useFission } from '../api/analytics';
import { SeriesChart } from './series-chart';

/** K-factor and cycle time per week, and the funnel after sign-up by generation of the invitation tree. */
export function FissionSection({ period }: { period: PeriodFilter }) {
  const { t } = useTranslation();
  const fission = useFission(period);
  return (
    <article className="card analytics-card">
      <div className="page-heading">
        <h2>{t('analytics.fission')}</h2>
        <div className="page-actions">
          <CsvDownloadButton
            path="/api/admin/analytics/fission.csv"
            query={{ ...period }}
            name="analytics-fission"
            testId="analytics-fission-export"
          />
        </div>
      </div>
      <p className="muted">{t('analytics.fissionHint')}</p>
      <ErrorMessage error={fission.error} />
      {fission.isPending ? <Spinner /> : fission.data ? <FissionFigures data={fission.data} /> : null}
    </article>
  );
}

function FissionFigures({ data }: { data: Fission }) {
  const { t } = useTranslation();
  const weeks = useMemo(() => data.weeks.map((w) => w.week), [data]);
  const series = useMemo(
    () => [
      { name: t('analytics.kFactor'), kind: 'line' as const, data: data.weeks.map((w) => w.kFactor) },
      {
        name: t('analytics.cycleDays'),
        kind: 'bar' as const,
        data: data.weeks.map((w) => w.cycleDays ?? 0),
        right: true,
      },
    ],
    [data, t],
  );
  const generations = useMemo(() => data.generations.map((g) => String(g.generation)), [data]);
  const generationSeries = useMemo(
    () => [
      { name: t('analytics.step.signup'), kind: 'bar' as const, data: data.generations.map((g) => g.signup) },
      {
        name: t('analytics.step.first_order'),
        kind: 'bar' as const,
        data: data.generations.map((g) => g.firstOrder),
      },
      {
        name: t('analytics.step.repeat_order'),
        kind: 'bar' as const,
        data: data.generations.map((g) => g.repeatOrder),
      },
    ],
    [data, t],
  );
  return (
    <>
      <h3>{t('analytics.weekly')}</h3>
      <SeriesChart label={t('analytics.weekly')} categories={weeks} series={series} testId="chart-k-factor" />
      <div className="table-wrap">
        <table className="table table-stacked" data-testid="analytics-weeks">
          <thead>
            <tr>
              <th>{t('analytics.week')}</th>
              <th>{t('analytics.referrers')}</th>
              <th>{t('analytics.brought')}</th>
              <th>{t('analytics.kFactor')}</th>
              <th>{t('analytics.cycleDays')}</th>
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((w) => (
              <tr key={w.week} data-testid="analytics-week-row">
                <td data-label={t('analytics.week')}>{w.week}</td>
                <td data-label={t('analytics.referrers')}>{w.referrers}</td>
                <td data-label={t('analytics.brought')}>{w.brought}</td>
                <td data-label={t('analytics.kFactor')}>{w.kFactor.toFixed(2)}</td>
                <td data-label={t('analytics.cycleDays')}>{w.cycleDays ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('analytics.byGeneration')}</h3>
      {data.generations.length === 0 ? (
        <p className="muted" data-testid="analytics-generations-empty">
          {t('analytics.noSignups')}
        </p>
      ) : (
        <>
          <SeriesChart
            label={t('analytics.byGeneration')}
            categories={generations}
            series={generationSeries}
            plain
            testId="chart-generations"
          />
          <div className="table-wrap">
            <table className="table table-stacked" data-testid="analytics-generations">
              <thead>
                <tr>
                  <th>{t('analytics.generation')}</th>
                  <th>{t('analytics.step.signup')}</th>
                  <th>{t('analytics.step.first_order')}</th>
                  <th>{t('analytics.step.repeat_order')}</th>
                </tr>
              </thead>
              <tbody>
                {data.generations.map((g) => (
                  <tr key={g.generation} data-testid="analytics-generation-row">
                    <td data-label={t('analytics.generation')}>{g.generation}</td>
                    <td data-label={t('analytics.step.signup')}>{g.signup}</td>
                    <td data-label={t('analytics.step.first_order')}>{g.firstOrder}</td>
                    <td data-label={t('analytics.step.repeat_order')}>{g.repeatOrder}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
