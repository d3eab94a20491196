import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyBargains } from '../api/my-bargains';
import { cutProgress } from '../components/bargain-state';
import { BargainStatusBadge } from '../components/bargain-status-badge';
import type { Bargain } from '../types';

/** The bargains the person started, newest first, each linking to its page (and its order). */
export function MyBargainsPage() {
  const { t } = useTranslation();
  const list = useMyBargains();
  const items = allItems(list.data);
  return (
    <section className="page narrow" data-testid="my-bargains">
      <h1>{t('bargain.mine')}</h1>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('bargain.noneMine')}
        emptyTestId="my-bargains-empty"
      >
        <Link className="btn btn-primary" to="/bargains">
          {t('bargain.browse')}
        </Link>
      </ListStatus>
      <ul className="my-group-buys">
        {items.map((bargain) => (
          <MyBargainRow key={bargain.id} bargain={bargain} />
        ))}
      </ul>
      <LoadMore pages={list} />
    </section>
  );
}

function MyBargainRow({ bargain }: { bargain: Bargain }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { cut, left } = cutProgress(bargain);
  return (
    <li className="card my-group-buy" data-testid="my-bargain">
      <ProductImage
        src={bargain.product.image ?? undefined}
        alt={bargain.product.title}
        className="group-thumb"
      />
      <div>
        <Link to={`/bargains/${bargain.id}`} className="group-product">
          {bargain.product.title}
        </Link>
        <p>
          <BargainStatusBadge status={bargain.status} ordered={bargain.orderId !== null} />
          <span className="price">{money(bargain.price)}</span>
        </p>
        <p className="muted">
          {t('bargain.progress', { cut: money(cut), left: money(left) })} ·{' '}
          {t('bargain.helped', { count: bargain.helps.length, needed: bargain.helpersNeeded })}
        </p>
        {bargain.orderId ? (
          <Link to={`/orders/${bargain.orderId}`} className="muted">
            {t('bargain.viewOrder')}
          </Link>
        ) : (
          <Link to={`/bargains/${bargain.id}`} className="muted">
            {t('bargain.open')}
          </Link>
        )}
      </div>
    </li>
  );
}
