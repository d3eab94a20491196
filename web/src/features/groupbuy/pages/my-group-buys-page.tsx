import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyGroupBuys } from '../api/my-group-buys';
import { Countdown } from '../components/countdown';
import { GroupProgress } from '../components/group-progress';
import { GroupStatusBadge } from '../components/group-status-badge';
import type { MyGroupBuy } from '../types';

export function MyGroupBuysPage() {
  const { t } = useTranslation();
  const list = useMyGroupBuys();
  const items = allItems(list.data);
  return (
    <section className="page narrow" data-testid="my-group-buys">
      <h1>{t('groupBuy.mine')}</h1>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('groupBuy.noneMine')}
        emptyTestId="my-group-buys-empty"
      >
        <Link className="btn btn-primary" to="/">
          {t('cart.continueShopping')}
        </Link>
      </ListStatus>
      <ul className="my-group-buys">
        {items.map((item) => (
          <MyGroupBuyRow key={item.orderId} item={item} />
        ))}
      </ul>
      <LoadMore pages={list} />
    </section>
  );
}

function MyGroupBuyRow({ item }: { item: MyGroupBuy }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { group } = item;
  return (
    <li className="card my-group-buy" data-testid="my-group-buy">
      <ProductImage
        src={group.product.image ?? undefined}
        alt={group.product.title}
        className="group-thumb"
      />
      <div>
        <Link to={`/groups/${group.id}`} className="group-product">
          {group.product.title}
        </Link>
        <p>
          <GroupStatusBadge status={item.status} />
          {item.role === 'leader' ? <span className="badge">{t('groupBuy.leader')}</span> : null}
          <span className="price">{money(group.price)}</span>
        </p>
        <GroupProgress paid={group.paidMembers} size={group.groupSize} />
        {group.status === 'open' ? <Countdown deadline={group.expiresAt} /> : null}
        <Link to={`/orders/${item.orderId}`} className="muted">
          {t('groupBuy.viewOrder')}
        </Link>
      </div>
    </li>
  );
}
