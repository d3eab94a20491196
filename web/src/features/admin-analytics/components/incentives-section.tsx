import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { type Incentives, type PeriodFilter, useIncentives } from '../api/analytics';
import { InsightCard, NoRows, percent } from './insight-card';
import { SeriesChart } from './series-chart';

/** Coupons and group buys: what each cost against the sales of the orders that used it. */
export function IncentivesSection({ period }: { period: PeriodFilter }) {
  const { t } = useTranslation();
  const incentives = useIncentives(period);
  return (
    <InsightCard
      title={t('analytics.insights.incentives')}
      hint={t('analytics.insights.incentivesHint')}
      csv={{ path: '/api/admin/analytics/incentives.csv', name: 'analytics-incentives' }}
      period={period}
      query={incentives}
      testId="analytics-incentives"
    >
      {incentives.data ? <IncentiveFigures data={incentives.data} /> : null}
    </InsightCard>
  );
}

function IncentiveFigures({ data }: { data: Incentives }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = useMemo(
    () => [
      ...data.coupons.map((c) => ({ key: `c-${c.template.id}`, name: c.template.title, ...c })),
      ...data.groupBuys.map((g) => ({ key: `g-${g.campaign.id}`, name: g.campaign.title, ...g })),
    ],
    [data],
  );
  const series = useMemo(
    () => [
      { name: t('analytics.insights.netSales'), kind: 'bar' as const, data: rows.map((r) => r.sales) },
      { name: t('analytics.insights.cost'), kind: 'bar' as const, data: rows.map((r) => r.cost) },
    ],
    [rows, t],
  );
  const format = useMemo(() => (v: number) => money(v), [money]);
  if (rows.length === 0) return <NoRows testId="analytics-incentives-empty" />;
  return (
    <>
      <SeriesChart
        label={t('analytics.insights.incentives')}
        categories={rows.map((r) => r.name)}
        series={series}
        format={format}
        plain
        testId="chart-incentives"
      />
      <h3>{t('analytics.insights.coupons')}</h3>
      {data.coupons.length === 0 ? (
        <NoRows testId="analytics-coupons-empty" />
      ) : (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="analytics-coupons">
            <thead>
              <tr>
                <th>{t('analytics.insights.coupon')}</th>
                <th>{t('analytics.insights.unlocked')}</th>
                <th>{t('analytics.orders')}</th>
                <th>{t('analytics.insights.netSales')}</th>
                <th>{t('analytics.insights.cost')}</th>
                <th>{t('analytics.insights.costShare')}</th>
              </tr>
            </thead>
            <tbody>
              {data.coupons.map((c) => (
                <tr key={c.template.id} data-testid="analytics-coupon-row">
                  <td data-label={t('analytics.insights.coupon')}>{c.template.title || c.template.id}</td>
                  <td data-label={t('analytics.insights.unlocked')}>{c.unlocked}</td>
                  <td data-label={t('analytics.orders')}>{c.orders}</td>
                  <td data-label={t('analytics.insights.netSales')}>{money(c.sales)}</td>
                  <td data-label={t('analytics.insights.cost')}>{money(c.cost)}</td>
                  <td data-label={t('analytics.insights.costShare')}>{percent(c.costShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('analytics.insights.groupBuys')}</h3>
      {data.groupBuys.length === 0 ? (
        <NoRows testId="analytics-group-buys-empty" />
      ) : (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="analytics-group-buys">
            <thead>
              <tr>
                <th>{t('analytics.insights.campaign')}</th>
                <th>{t('analytics.insights.groupsOpened')}</th>
                <th>{t('analytics.orders')}</th>
                <th>{t('analytics.insights.netSales')}</th>
                <th>{t('analytics.insights.cost')}</th>
                <th>{t('analytics.insights.costShare')}</th>
              </tr>
            </thead>
            <tbody>
              {data.groupBuys.map((g) => (
                <tr key={g.campaign.id} data-testid="analytics-group-buy-row">
                  <td data-label={t('analytics.insights.campaign')}>{g.campaign.title || g.campaign.id}</td>
                  <td data-label={t('analytics.insights.groupsOpened')}>{g.groupsOpened}</td>
                  <td data-label={t('analytics.orders')}>{g.orders}</td>
                  <td data-label={t('analytics.insights.netSales')}>{money(g.sales)}</td>
                  <td data-label={t('analytics.insights.cost')}>{money(g.cost)}</td>
                  <td data-label={t('analytics.insights.costShare')}>{percent(g.costShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
