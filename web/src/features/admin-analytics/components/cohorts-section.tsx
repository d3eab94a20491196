import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Cohorts, type PeriodFilter, useCohorts } from '../api/analytics';
import { InsightCard, NoRows, percent } from './insight-card';
import { SeriesChart } from './series-chart';

/** Cohort retention and repurchase rate by acquisition channel. */
export function CohortsSection({ period }: { period: PeriodFilter }) {
  const { t } = useTranslation();
  const cohorts = useCohorts(period);
  return (
    <InsightCard
      title={t('analytics.insights.cohorts')}
      hint={t('analytics.insights.cohortsHint')}
      csv={{ path: '/api/admin/analytics/cohorts.csv', name: 'analytics-cohorts' }}
      period={period}
      query={cohorts}
      testId="analytics-cohorts"
    >
      {cohorts.data ? <CohortFigures data={cohorts.data} /> : null}
    </InsightCard>
  );
}

function CohortFigures({ data }: { data: Cohorts }) {
  const { t } = useTranslation();
  const deepest = data.byChannel.reduce((n, c) => Math.max(n, c.retention.length), 0);
  const weeks = useMemo(
    () => Array.from({ length: deepest }, (_, k) => t('analytics.insights.weekN', { n: k + 1 })),
    [deepest, t],
  );
  const series = useMemo(
    () =>
      data.byChannel.map((c) => ({
        name: t(`analytics.channel.${c.channel}`),
        kind: 'line' as const,
        data: c.retention.map((w) => Math.round(w.rate * 1000) / 10),
      })),
    [data, t],
  );
  return (
    <>
      {data.tooYoung > 0 ? (
        <p className="muted" data-testid="analytics-cohorts-too-young">
          {t('analytics.insights.tooYoung', { count: data.tooYoung })}
        </p>
      ) : null}
      {data.byChannel.length === 0 ? (
        <NoRows testId="analytics-cohorts-empty" />
      ) : (
        <>
          <SeriesChart
            label={t('analytics.insights.cohorts')}
            categories={weeks}
            series={series}
            format={(v) => `${v}%`}
            plain
            testId="chart-cohorts"
          />
          <div className="table-wrap">
            <table className="table table-stacked" data-testid="analytics-cohort-channels">
              <thead>
                <tr>
                  <th>{t('analytics.channelLabel')}</th>
                  <th>{t('analytics.insights.customers')}</th>
                  <th>{t('analytics.insights.repurchaseRate')}</th>
                  <th>{t('analytics.insights.weekN', { n: 1 })}</th>
                  <th>{t('analytics.insights.weekN', { n: 4 })}</th>
                </tr>
              </thead>
              <tbody>
                {data.byChannel.map((c) => (
                  <tr key={c.channel} data-testid="analytics-cohort-channel-row">
                    <td data-label={t('analytics.channelLabel')}>{t(`analytics.channel.${c.channel}`)}</td>
                    <td data-label={t('analytics.insights.customers')}>{c.customers}</td>
                    <td data-label={t('analytics.insights.repurchaseRate')}>{percent(c.repurchaseRate)}</td>
                    {[1, 4].map((k) => {
                      const w = c.retention[k - 1];
                      return (
                        <td key={k} data-label={t('analytics.insights.weekN', { n: k })}>
                          {w ? percent(w.rate) : '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('analytics.insights.byCohort')}</h3>
          <div className="table-wrap">
            <table className="table table-stacked" data-testid="analytics-cohort-table">
              <thead>
                <tr>
                  <th>{t('analytics.week')}</th>
                  <th>{t('analytics.channelLabel')}</th>
                  <th>{t('analytics.insights.customers')}</th>
                  <th>{t('analytics.insights.repurchaseRate')}</th>
                  <th>{t('analytics.insights.retention')}</th>
                </tr>
              </thead>
              <tbody>
                {data.cohorts.map((c) => (
                  <tr key={`${c.week}-${c.channel}`} data-testid="analytics-cohort-row">
                    <td data-label={t('analytics.week')}>{c.week}</td>
                    <td data-label={t('analytics.channelLabel')}>{t(`analytics.channel.${c.channel}`)}</td>
                    <td data-label={t('analytics.insights.customers')}>{c.size}</td>
                    <td data-label={t('analytics.insights.repurchaseRate')}>{percent(c.repurchaseRate)}</td>
                    <td data-label={t('analytics.insights.retention')}>
                      {c.retention.map((w) => percent(w.rate)).join(' · ')}
                    </td>
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
