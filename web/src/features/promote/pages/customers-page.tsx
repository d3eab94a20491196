import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyCustomers } from '../api/get-customers';
import type { Customer } from '../types';

/** Says how the buyer came to be bound: through which link, store, post or live room. */
function OriginText({ origin }: { origin: Customer['origin'] }) {
  const { t } = useTranslation();
  if (origin.type === 'store') return <>{t('promote.originStore', { ref: origin.ref })}</>;
  if (origin.type === 'share_link') return <>{t('promote.originLink', { ref: origin.ref })}</>;
  if (origin.type === 'post') return <>{t('promote.originPost')}</>;
  if (origin.type === 'live') return <>{t('promote.originLive')}</>;
  return <>{origin.ref}</>;
}

export function PromoteCustomersPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const customers = useMyCustomers();
  const items = allItems(customers.data);
  return (
    <>
      <p className="muted">{t('promote.customersHint')}</p>
      <ListStatus
        pending={customers.isPending}
        error={customers.error}
        empty={items.length === 0}
        emptyTitle={t('promote.noCustomers')}
        emptyTestId="customers-empty"
      />
      <ul className="plain-list">
        {items.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: customers carry no ids; pages only append
          <li key={i} className="list-row" data-testid="customer-row">
            <span className="avatar avatar-small" aria-hidden="true">
              {c.initial}
            </span>
            <div className="list-row-main">
              <strong>{c.name}</strong>
              <span className="muted">
                <OriginText origin={c.origin} /> · {t('promote.boundAt', { time: dateTime(c.boundAt) })}
              </span>
              {c.expiresAt ? (
                <span className="muted">{t('promote.bindingExpires', { time: dateTime(c.expiresAt) })}</span>
              ) : null}
            </div>
            <div className="list-row-side">
              <span>{t('promote.orderCount', { count: c.orders })}</span>
              <span className="price">{money(c.gmv)}</span>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore pages={customers} />
    </>
  );
}
