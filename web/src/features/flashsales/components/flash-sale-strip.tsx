import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFlashSales } from '../api/flash-sales';
import { SaleCard } from './sale-card';

/** The home page's flash-sale section: the next few sales, or nothing when none is on or coming. */
export function FlashSaleStrip() {
  const { t } = useTranslation();
  const sales = useFlashSales();
  const shown = sales.data?.items.filter((s) => s.status !== 'ended').slice(0, 2) ?? [];
  if (shown.length === 0) return null;
  return (
    <section className="home-flash" aria-label={t('flashSale.title')} data-testid="home-flash-sales">
      <h2>
        <Link to="/flash-sales">{t('flashSale.title')} ›</Link>
      </h2>
      <div className="flash-sale-grid">
        {shown.map((sale) => (
          <SaleCard key={sale.id} sale={sale} />
        ))}
      </div>
    </section>
  );
}
