import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import {
  type DailyRow,
  type Funnel,
  type Overview,
  type PeriodFilter,
  useDaily,
  useFunnel,
  useOverview,
} from '../api/analytics';
import { CohortsSection } from '../components/cohorts-section';
import { FissionSection } from '../components/fission-section';
import { FunnelChart } from '../components/funnel-chart';
import { IncentivesSection } from '../components/incentives-section';
import { ProductsSection } from '../components/products-section';
import { PromotersSection } from '../components/promoters-section';
import { SeriesChart } from '../components/series-chart';
import { CHANNELS, channelTotals, lastDays, stepRates } from '../lib/figures';

const PRESETS = [7, 30, 90] as const;
const TABLE_PAGE = 14;

/** The console's landing page for admins: sales, sharing and the fission funnel over a period. */
export function AdminDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period: PeriodFilter = useMemo(
    () => ({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined }),
    [params],
  );
  const overview = useOverview(period);
  const funnel = useFunnel(period);
  const daily = useDaily(period);
  const error = overview.error ?? funnel.error ?? daily.error;

  return (
    <section className="analytics" data-testid="admin-dashboard">
      <div className="page-heading">
        <h1>{t('analytics.title')}</h1>
      </div>
      <PeriodForm
        key={`${overview.data?.from}-${overview.data?.to}`}
        from={overview.data?.from ?? period.from ?? ''}
        to={overview.data?.to ?? period.to ?? ''}
        onChange={(next) => setParams(next)}
      />
      <ErrorMessage error={error} />
      {overview.isPending || funnel.isPending || daily.isPending ? (
        <Spinner />
      ) : overview.data && funnel.data && daily.data ? (
        <Figures overview={overview.data} funnel={funnel.data} days={daily.data.days} period={period} />
      ) : null}
    </section>
  );
}

function PeriodForm(props: {
  from: string;
  to: string;
  onChange: (p: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) props.onChange({ from, to });
  };
  return (
    <form className="toolbar analytics-period" onSubmit={submit} data-testid="analytics-period">
      <label>
        {t('analytics.from')}
        <input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          data-testid="analytics-from"
        />
      </label>
      <label>
        {t('analytics.to')}
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="analytics-to" />
      </label>
      <button type="submit" className="btn btn-outline" data-testid="analytics-apply">
        {t('analytics.apply')}
      </button>
      {PRESETS.map((days) => (
        <button
          key={days}
          type="button"
          className="btn btn-ghost"
          onClick={() => props.onChange(lastDays(days, new Date()))}
          data-testid={`analytics-last-${days}`}
        >
          {t('analytics.lastDays', { count: days })}
        </button>
      ))}
    </form>
  );
}

function Figures({
  overview,
  funnel,
  days,
  period,
}: {
  overview: Overview;
  funnel: Funnel;
  days: readonly DailyRow[];
  period: PeriodFilter;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const categories = useMemo(() => days.map((d) => d.day), [days]);
  const refunds = days.reduce((n, d) => n + d.refunds, 0);
  const quiet = overview.orders === 0 && overview.shareClicks === 0 && refunds === 0;
  const count = (n: number) => n.toLocaleString();
  const salesSeries = useMemo(
    () => [
      { name: t('analytics.gmv'), kind: 'bar' as const, data: days.map((d) => d.gmv) },
      { name: t('analytics.orders'), kind: 'line' as const, data: days.map((d) => d.orders), right: true },
    ],
    [days, t],
  );
  const channelSeries = useMemo(
    () =>
      CHANNELS.map((channel) => ({
        name: t(`analytics.channel.${channel}`),
        kind: 'bar' as const,
        stack: 'gmv',
        data: days.map((d) => d.byChannel.find((c) => c.channel === channel)?.gmv ?? 0),
      })),
    [days, t],
  );
  const buyerSeries = useMemo(
    () => [
      { name: t('analytics.buyers'), kind: 'line' as const, data: days.map((d) => d.buyers) },
      { name: t('analytics.newBuyers'), kind: 'line' as const, data: days.map((d) => d.newBuyers) },
      { name: t('analytics.signups'), kind: 'bar' as const, data: days.map((d) => d.signups) },
    ],
    [days, t],
  );
  const refundSeries = useMemo(
    () => [
      { name: t('analytics.refunds'), kind: 'bar' as const, data: days.map((d) => d.refunds) },
      { name: t('analytics.aov'), kind: 'line' as const, data: days.map((d) => d.averageOrderValue) },
    ],
    [days, t],
  );
  const shareSeries = useMemo(
    () => [
      { name: t('analytics.shareClicks'), kind: 'bar' as const, data: days.map((d) => d.shareClicks) },
      { name: t('analytics.shareLinks'), kind: 'line' as const, data: days.map((d) => d.shareLinks) },
    ],
    [days, t],
  );
  const steps = useMemo(
    () => funnel.steps.map((s) => ({ name: t(`analytics.step.${s.step}`), count: s.count })),
    [funnel, t],
  );
  const axisMoney = useMemo(() => (v: number) => money(v), [money]);

  return (
    <>
      {quiet ? (
        <EmptyState title={t('analytics.emptyTitle')} testId="analytics-empty">
          <p>{t('analytics.emptyBody')}</p>
        </EmptyState>
      ) : null}
      <dl className="stat-grid" data-testid="analytics-overview">
        <Stat label={t('analytics.gmv')} value={money(overview.gmv)} testId="stat-gmv" />
        <Stat label={t('analytics.orders')} value={count(overview.orders)} testId="stat-orders" />
        <Stat label={t('analytics.buyers')} value={count(overview.buyers)} testId="stat-buyers" />
        <Stat label={t('analytics.newBuyers')} value={count(overview.newBuyers)} testId="stat-new-buyers" />
        <Stat label={t('analytics.aov')} value={money(overview.averageOrderValue)} testId="stat-aov" />
        <Stat label={t('analytics.refunds')} value={money(refunds)} testId="stat-refunds" />
        <Stat label={t('analytics.sharedGmv')} value={money(overview.sharedGmv)} testId="stat-shared-gmv" />
        <Stat
          label={t('analytics.sharedOrders')}
          value={count(overview.sharedOrders)}
          testId="stat-shared-orders"
        />
        <Stat
          label={t('analytics.shareLinks')}
          value={count(overview.shareLinks)}
          testId="stat-share-links"
        />
        <Stat
          label={t('analytics.shareClicks')}
          value={count(overview.shareClicks)}
          testId="stat-share-clicks"
        />
        <Stat
          label={t('analytics.commissions')}
          value={money(overview.commissionsEarned)}
          testId="stat-commissions"
        />
        <Stat label={t('analytics.kFactor')} value={overview.kFactor.toFixed(2)} testId="stat-k-factor" />
      </dl>
      <p className="muted">{t('analytics.kFactorHint')}</p>

      <ChartCard title={t('analytics.salesByDay')}>
        <SeriesChart
          label={t('analytics.salesByDay')}
          categories={categories}
          series={salesSeries}
          format={axisMoney}
          testId="chart-sales"
        />
      </ChartCard>
      <ChartCard title={t('analytics.gmvByChannel')}>
        <SeriesChart
          label={t('analytics.gmvByChannel')}
          categories={categories}
          series={channelSeries}
          format={axisMoney}
          testId="chart-channels"
        />
        <ChannelTable days={days} />
      </ChartCard>
      <ChartCard title={t('analytics.buyersByDay')}>
        <SeriesChart
          label={t('analytics.buyersByDay')}
          categories={categories}
          series={buyerSeries}
          testId="chart-buyers"
        />
      </ChartCard>
      <ChartCard title={t('analytics.refundsByDay')}>
        <SeriesChart
          label={t('analytics.refundsByDay')}
          categories={categories}
          series={refundSeries}
          format={axisMoney}
          testId="chart-refunds"
        />
      </ChartCard>
      <ChartCard title={t('analytics.sharingByDay')}>
        <SeriesChart
          label={t('analytics.sharingByDay')}
          categories={categories}
          series={shareSeries}
          testId="chart-sharing"
        />
      </ChartCard>
      <ChartCard
        title={t('analytics.funnel')}
        actions={
          <CsvDownloadButton
            path="/api/admin/analytics/funnel.csv"
            query={{ ...period }}
            name="funnel"
            testId="analytics-funnel-export"
          />
        }
      >
        <p className="muted">{t('analytics.funnelHint')}</p>
        <FunnelChart label={t('analytics.funnel')} steps={steps} testId="chart-funnel" />
        <FunnelTable funnel={funnel} />
      </ChartCard>
      <FissionSection period={period} />
      <CohortsSection period={period} />
      <PromotersSection period={period} />
      <ProductsSection period={period} />
      <IncentivesSection period={period} />
      <ChartCard
        title={t('analytics.dailyTable')}
        actions={
          <CsvDownloadButton
            path="/api/admin/analytics/daily.csv"
            query={{ ...period }}
            name="analytics-daily"
            testId="analytics-daily-export"
          />
        }
      >
        <DailyTable days={days} />
      </ChartCard>
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ChartCard({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <article className="card analytics-card">
      <div className="page-heading">
        <h2>{title}</h2>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </article>
  );
}

function ChannelTable({ days }: { days: readonly DailyRow[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = channelTotals(days);
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid="analytics-channels">
        <thead>
          <tr>
            <th>{t('analytics.channelLabel')}</th>
            <th>{t('analytics.gmv')}</th>
            <th>{t('analytics.orders')}</th>
            <th>{t('analytics.shareOfGmv')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.channel} data-testid="analytics-channel-row">
              <td data-label={t('analytics.channelLabel')}>{t(`analytics.channel.${r.channel}`)}</td>
              <td data-label={t('analytics.gmv')}>{money(r.gmv)}</td>
              <td data-label={t('analytics.orders')}>{r.orders}</td>
              <td data-label={t('analytics.shareOfGmv')}>{(r.share * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid="analytics-funnel">
        <thead>
          <tr>
            <th>{t('analytics.stepLabel')}</th>
            <th>{t('analytics.people')}</th>
            <th>{t('analytics.ofPrevious')}</th>
          </tr>
        </thead>
        <tbody>
          {stepRates(funnel.steps).map((s) => (
            <tr key={s.step} data-testid="analytics-funnel-row">
              <td data-label={t('analytics.stepLabel')}>{t(`analytics.step.${s.step}`)}</td>
              <td data-label={t('analytics.people')}>{s.count}</td>
              <td data-label={t('analytics.ofPrevious')}>
                {s.rate === null ? '—' : `${(s.rate * 100).toFixed(1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Newest day first, two weeks at a time: a year is 366 rows. */
function DailyTable({ days }: { days: readonly DailyRow[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [shown, setShown] = useState(TABLE_PAGE);
  const newest = [...days].reverse();
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid="analytics-daily">
        <thead>
          <tr>
            <th>{t('analytics.day')}</th>
            <th>{t('analytics.gmv')}</th>
            <th>{t('analytics.orders')}</th>
            <th>{t('analytics.buyers')}</th>
            <th>{t('analytics.newBuyers')}</th>
            <th>{t('analytics.aov')}</th>
            <th>{t('analytics.refunds')}</th>
            <th>{t('analytics.shareClicks')}</th>
          </tr>
        </thead>
        <tbody>
          {newest.slice(0, shown).map((d) => (
            <tr key={d.day} data-testid="analytics-day-row">
              <td data-label={t('analytics.day')}>{d.day}</td>
              <td data-label={t('analytics.gmv')}>{money(d.gmv)}</td>
              <td data-label={t('analytics.orders')}>{d.orders}</td>
              <td data-label={t('analytics.buyers')}>{d.buyers}</td>
              <td data-label={t('analytics.newBuyers')}>{d.newBuyers}</td>
              <td data-label={t('analytics.aov')}>{money(d.averageOrderValue)}</td>
              <td data-label={t('analytics.refunds')}>{money(d.refunds)}</td>
              <td data-label={t('analytics.shareClicks')}>{d.shareClicks}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown < newest.length ? (
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => setShown((n) => n + TABLE_PAGE)}
          data-testid="analytics-more-days"
        >
          {t('analytics.moreDays')}
        </button>
      ) : null}
    </div>
  );
}
