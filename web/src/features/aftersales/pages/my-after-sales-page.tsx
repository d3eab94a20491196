import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useMyAfterSales } from '../api/my-after-sales';
import { AfterSaleCard } from '../components/after-sale-card';

export function MyAfterSalesPage() {
  const { t } = useTranslation();
  const list = useMyAfterSales();
  const items = allItems(list.data);
  return (
    <section className="page narrow" data-testid="my-after-sales">
      <h1>{t('afterSales.mine')}</h1>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('afterSales.noneMine')}
        emptyTestId="my-after-sales-empty"
      >
        <p>{t('afterSales.noneMineHint')}</p>
        <Link className="btn btn-primary" to="/orders">
          {t('orders.myOrders')}
        </Link>
      </ListStatus>
      <ul className="after-sales">
        {items.map((sale) => (
          <AfterSaleCard key={sale.id} sale={sale} />
        ))}
      </ul>
      <LoadMore pages={list} />
    </section>
  );
}
