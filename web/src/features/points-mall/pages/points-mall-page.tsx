import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { useMallItems } from '../api/mall-items';
import { BalanceBar } from '../components/balance-bar';
import { MallItemCard } from '../components/mall-item-card';

/** The points mall: my balance on top, then a grid of what points buy. */
export function PointsMallPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const items = useMallItems(user?.id);
  const list = allItems(items.data);
  return (
    <section className="page" data-testid="points-mall">
      <h1>{t('pointsMall.title')}</h1>
      <p className="muted">{t('pointsMall.hint')}</p>
      <BalanceBar signedIn={Boolean(user)} />
      <ListStatus
        pending={items.isPending}
        error={items.error}
        empty={list.length === 0}
        emptyTitle={t('pointsMall.none')}
        emptyTestId="points-mall-empty"
      />
      <ul className="plain-list mall-grid">
        {list.map((item) => (
          <li key={item.id}>
            <MallItemCard item={item} />
          </li>
        ))}
      </ul>
      <LoadMore pages={items} />
    </section>
  );
}
