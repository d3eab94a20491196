import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useFlashSales } from '../api/flash-sales';
import { SaleCard } from '../components/sale-card';

/** Every live and upcoming flash sale, the soonest to open first. */
export function FlashSalesPage() {
  const { t } = useTranslation();
  const sales = useFlashSales();
  const items = sales.data?.items ?? [];
  return (
    <section className="page narrow" data-testid="flash-sales-page">
      <h1>{t('flashSale.title')}</h1>
      {sales.isPending ? <Spinner /> : null}
      <ErrorMessage error={sales.error} />
      {sales.isSuccess && items.length === 0 ? (
        <EmptyState title={t('flashSale.none')} testId="no-flash-sales" />
      ) : null}
      <div className="flash-sale-grid">
        {items.map((sale) => (
          <SaleCard key={sale.id} sale={sale} />
        ))}
      </div>
    </section>
  );
}
