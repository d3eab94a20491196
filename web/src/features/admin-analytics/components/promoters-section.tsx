import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { type PeriodFilter, type Promoters, usePromoters } from '../api/analytics';
import { InsightCard, NoRows, percent } from './insight-card';
import { SeriesChart } from './series-chart';

type PromoterRow = Promoters['promoters'][number];

/** Promoter payback, those whose buyers refund unusually often, their teams' shapes, the top links. */
export function PromotersSection({ period }: { period: PeriodFilter }) {
  const { t } = useTranslation();
  const promoters = usePromoters(period);
  return (
    <InsightCard
      title={t('analytics.insights.promoters')}
      hint={t('analytics.insights.promotersHint')}
      csv={{ path: '/api/admin/analytics/promoters.csv', name: 'analytics-promoters' }}
      period={period}
      query={promoters}
      testId="analytics-promoters"
    >
      {promoters.data ? <PromoterFigures data={promoters.data} /> : null}
    </InsightCard>
  );
}

function PromoterFigures({ data }: { data: Promoters }) {
  const { t } = useTranslation();
  const money = useMoney();
  const names = useMemo(
    () => data.promoters.map((p) => p.promoter.name || p.promoter.id.slice(0, 6)),
    [data],
  );
  const series = useMemo(
    () => [
      {
        name: t('analytics.insights.netSales'),
        kind: 'bar' as const,
        data: data.promoters.map((p) => p.netSales),
      },
      {
        name: t('analytics.insights.commission'),
        kind: 'bar' as const,
        data: data.promoters.map((p) => p.commission),
      },
    ],
    [data, t],
  );
  const format = useMemo(() => (v: number) => money(v), [money]);
  if (data.promoters.length === 0 && data.links.length === 0)
    return <NoRows testId="analytics-promoters-empty" />;
  return (
    <>
      {data.promoters.length > 0 ? (
        <>
          <SeriesChart
            label={t('analytics.insights.promoters')}
            categories={names}
            series={series}
            format={format}
            plain
            testId="chart-payback"
          />
          <PromoterTable rows={data.promoters} testId="analytics-payback" />
        </>
      ) : null}
      <h3>{t('analytics.insights.refundOutliers')}</h3>
      <p className="muted">
        {t('analytics.insights.refundOutliersHint', {
          shop: percent(data.shopRefundRate),
          minOrders: data.outlierRule.minOrders,
          factor: data.outlierRule.factor,
          gap: percent(data.outlierRule.minGap),
        })}
      </p>
      {data.refundOutliers.length === 0 ? (
        <NoRows testId="analytics-outliers-empty" />
      ) : (
        <PromoterTable rows={data.refundOutliers} testId="analytics-outliers" />
      )}
      <h3>{t('analytics.insights.teams')}</h3>
      {data.teams.length === 0 ? (
        <NoRows testId="analytics-teams-empty" />
      ) : (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="analytics-teams">
            <thead>
              <tr>
                <th>{t('analytics.insights.promoter')}</th>
                <th>{t('analytics.insights.shape')}</th>
                <th>{t('analytics.insights.teamSize')}</th>
                <th>{t('analytics.insights.depth')}</th>
                <th>{t('analytics.insights.breadth')}</th>
              </tr>
            </thead>
            <tbody>
              {data.teams.map((row) => (
                <tr key={row.promoter.id} data-testid="analytics-team-row">
                  <td data-label={t('analytics.insights.promoter')}>{row.promoter.name}</td>
                  <td data-label={t('analytics.insights.shape')}>
                    {row.team ? (
                      <span className={`badge shape-${row.team.shape}`}>
                        {t(`analytics.insights.shapes.${row.team.shape}`)}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('analytics.insights.teamSize')}>{row.team?.size ?? '—'}</td>
                  <td data-label={t('analytics.insights.depth')}>{row.team?.depth ?? '—'}</td>
                  <td data-label={t('analytics.insights.breadth')}>{row.team?.breadth ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('analytics.insights.links')}</h3>
      {data.links.length === 0 ? (
        <NoRows testId="analytics-links-empty" />
      ) : (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="analytics-links">
            <thead>
              <tr>
                <th>{t('analytics.insights.link')}</th>
                <th>{t('analytics.insights.promoter')}</th>
                <th>{t('analytics.shareClicks')}</th>
                <th>{t('analytics.orders')}</th>
                <th>{t('analytics.insights.netSales')}</th>
                <th>{t('analytics.insights.conversion')}</th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.code} data-testid="analytics-link-row">
                  <td data-label={t('analytics.insights.link')}>{l.target?.title ?? l.code}</td>
                  <td data-label={t('analytics.insights.promoter')}>{l.promoter?.name ?? '—'}</td>
                  <td data-label={t('analytics.shareClicks')}>{l.openings}</td>
                  <td data-label={t('analytics.orders')}>{l.orders}</td>
                  <td data-label={t('analytics.insights.netSales')}>{money(l.sales)}</td>
                  <td data-label={t('analytics.insights.conversion')}>{percent(l.conversion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function PromoterTable({ rows, testId }: { rows: readonly PromoterRow[]; testId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('analytics.insights.promoter')}</th>
            <th>{t('analytics.insights.customers')}</th>
            <th>{t('analytics.orders')}</th>
            <th>{t('analytics.insights.netSales')}</th>
            <th>{t('analytics.insights.commission')}</th>
            <th>{t('analytics.insights.payback')}</th>
            <th>{t('analytics.insights.refundRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.promoter.id} data-testid={`${testId}-row`}>
              <td data-label={t('analytics.insights.promoter')}>
                {p.promoter.name}
                {p.refundsUnusually ? (
                  <span className="badge analytics-flag" data-testid="analytics-refund-flag">
                    {t('analytics.insights.refundFlag')}
                  </span>
                ) : null}
              </td>
              <td data-label={t('analytics.insights.customers')}>{p.customers}</td>
              <td data-label={t('analytics.orders')}>{p.orders}</td>
              <td data-label={t('analytics.insights.netSales')}>{money(p.netSales)}</td>
              <td data-label={t('analytics.insights.commission')}>{money(p.commission)}</td>
              <td data-label={t('analytics.insights.payback')}>
                {p.commission === 0 ? '—' : `${p.payback.toFixed(1)}×`}
              </td>
              <td data-label={t('analytics.insights.refundRate')}>{percent(p.refundRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
