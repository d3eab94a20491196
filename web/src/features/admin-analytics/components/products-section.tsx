import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import { type PeriodFilter, type Products, useProducts } from '../api/analytics';
import { InsightCard, NoRows, percent } from './insight-card';
import { SeriesChart } from './series-chart';

type ProductRow = Products['byShares'][number];

/** Products by share links made to them, and by how often their links' openings became orders. */
export function ProductsSection({ period }: { period: PeriodFilter }) {
  const { t } = useTranslation();
  const products = useProducts(period);
  return (
    <InsightCard
      title={t('analytics.insights.products')}
      hint={t('analytics.insights.productsHint', { min: products.data?.minOpenings ?? 5 })}
      csv={{ path: '/api/admin/analytics/products.csv', name: 'analytics-products' }}
      period={period}
      query={products}
      testId="analytics-products"
    >
      {products.data ? <ProductFigures data={products.data} /> : null}
    </InsightCard>
  );
}

function ProductFigures({ data }: { data: Products }) {
  const { t } = useTranslation();
  const titles = useMemo(() => data.byShares.map((p) => p.product.title), [data]);
  const series = useMemo(
    () => [
      {
        name: t('analytics.insights.shares'),
        kind: 'bar' as const,
        data: data.byShares.map((p) => p.shares),
      },
      { name: t('analytics.shareClicks'), kind: 'bar' as const, data: data.byShares.map((p) => p.openings) },
      {
        name: t('analytics.orders'),
        kind: 'line' as const,
        data: data.byShares.map((p) => p.orders),
        right: true,
      },
    ],
    [data, t],
  );
  if (data.byShares.length === 0) return <NoRows testId="analytics-products-empty" />;
  return (
    <>
      <SeriesChart
        label={t('analytics.insights.byShares')}
        categories={titles}
        series={series}
        plain
        testId="chart-products"
      />
      <h3>{t('analytics.insights.byShares')}</h3>
      <ProductTable rows={data.byShares} testId="analytics-products-shares" />
      <h3>{t('analytics.insights.byConversion')}</h3>
      {data.byConversion.length === 0 ? (
        <NoRows testId="analytics-products-conversion-empty" />
      ) : (
        <ProductTable rows={data.byConversion} testId="analytics-products-conversion" />
      )}
    </>
  );
}

function ProductTable({ rows, testId }: { rows: readonly ProductRow[]; testId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('analytics.insights.product')}</th>
            <th>{t('analytics.insights.shares')}</th>
            <th>{t('analytics.shareClicks')}</th>
            <th>{t('analytics.orders')}</th>
            <th>{t('analytics.insights.netSales')}</th>
            <th>{t('analytics.insights.conversion')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.product.id} data-testid={`${testId}-row`}>
              <td data-label={t('analytics.insights.product')}>{p.product.title || p.product.id}</td>
              <td data-label={t('analytics.insights.shares')}>{p.shares}</td>
              <td data-label={t('analytics.shareClicks')}>{p.openings}</td>
              <td data-label={t('analytics.orders')}>{p.orders}</td>
              <td data-label={t('analytics.insights.netSales')}>{money(p.sales)}</td>
              <td data-label={t('analytics.insights.conversion')}>{percent(p.conversion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
