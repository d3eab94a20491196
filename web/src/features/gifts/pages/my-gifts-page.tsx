import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyGifts } from '../api/gifts';
import { GiftItems } from '../components/gift-items';
import { GiftStatusBadge } from '../components/gift-status-badge';
import { ShareGiftLink } from '../components/share-gift-link';
import type { GiftBox, MyGift } from '../types';

/** `/my-gifts`: the gifts the person sent (with links still to send) and received. */
export function MyGiftsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: GiftBox = params.get('box') === 'received' ? 'received' : 'sent';
  const list = useMyGifts(box);
  const items = allItems(list.data);
  return (
    <section className="page narrow" data-testid="my-gifts">
      <h1>{t('gifts.mine.title')}</h1>
      <div className="chips tabs" role="tablist" aria-label={t('gifts.mine.title')}>
        {(['sent', 'received'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={box === tab}
            className={`chip${box === tab ? ' chip-active' : ''}`}
            onClick={() => setParams(tab === 'sent' ? {} : { box: tab }, { replace: true })}
            data-testid={`my-gifts-${tab}`}
          >
            {t(`gifts.mine.${tab}`)}
          </button>
        ))}
      </div>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={box === 'sent' ? t('gifts.mine.noneSent') : t('gifts.mine.noneReceived')}
        emptyTestId="my-gifts-empty"
      >
        <Link className="btn btn-primary" to="/">
          {t('cart.continueShopping')}
        </Link>
      </ListStatus>
      <ul className="my-gifts">
        {items.map((gift) => (
          <MyGiftRow key={gift.orderId} gift={gift} box={box} />
        ))}
      </ul>
      <LoadMore pages={list} />
    </section>
  );
}

function MyGiftRow({ gift, box }: { gift: MyGift; box: GiftBox }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <li className="card my-gift" data-testid="my-gift">
      <div className="page-heading">
        <strong>
          {box === 'sent'
            ? gift.to
              ? t('gifts.mine.to', { name: gift.to.name })
              : t('gifts.title')
            : t('gifts.mine.from', { name: gift.from.name })}
        </strong>
        <GiftStatusBadge status={gift.status} />
      </div>
      <GiftItems items={gift.items} />
      {gift.message ? <blockquote className="gift-message">{gift.message}</blockquote> : null}
      {box === 'sent' && gift.status === 'unclaimed' && gift.claimUrl ? (
        <ShareGiftLink url={gift.claimUrl} />
      ) : null}
      <p className="muted">
        <time dateTime={gift.createdAt}>{dateTime(gift.createdAt)}</time> ·{' '}
        <Link to={`/orders/${gift.orderId}`}>{t('gifts.mine.viewOrder')}</Link>
      </p>
    </li>
  );
}
