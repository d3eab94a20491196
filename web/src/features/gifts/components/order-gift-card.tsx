import { useTranslation } from 'react-i18next';
import { useConfig, useDateTime } from '../../../lib/config';
import type { OrderGift } from '../types';
import { GiftStatusBadge } from './gift-status-badge';
import { ShareGiftLink } from './share-gift-link';

/**
 * A gift order's card on its order page. Its buyer gets the claim link to send (once paid) and how
 * far the gift is, never where it ships; its recipient is told the order is theirs to follow.
 */
export function OrderGiftCard({ gift, viewerIsBuyer }: { gift: OrderGift | null; viewerIsBuyer: boolean }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const days = useConfig().data?.giftClaimDays ?? 1;
  if (!gift) return null;
  return (
    <div className="card gift-card" data-testid="order-gift">
      <div className="page-heading">
        <h2>{t('gifts.title')}</h2>
        <GiftStatusBadge status={gift.status} />
      </div>
      {gift.message ? (
        <blockquote className="gift-message" data-testid="gift-message-shown">
          {gift.message}
        </blockquote>
      ) : null}
      {!viewerIsBuyer ? <p>{t('gifts.yoursNow')}</p> : null}
      {viewerIsBuyer && gift.status === 'awaiting_payment' ? (
        <p className="muted">{t('gifts.payFirst')}</p>
      ) : null}
      {viewerIsBuyer && gift.status === 'unclaimed' && gift.claimUrl ? (
        <>
          <p>
            <strong>{t('gifts.sendLink')}</strong>
          </p>
          <ShareGiftLink url={gift.claimUrl} />
          {gift.claimBy ? (
            <p className="muted">{t('gifts.claimWithin', { count: days, time: dateTime(gift.claimBy) })}</p>
          ) : null}
        </>
      ) : null}
      {viewerIsBuyer && gift.status === 'claimed' && gift.claimedAt ? (
        <p data-testid="gift-claimed-text">
          {t('gifts.claimedBySomeone', { time: dateTime(gift.claimedAt) })}
        </p>
      ) : null}
      {viewerIsBuyer && gift.status === 'refunded' ? <p>{t('gifts.refundedToYou')}</p> : null}
    </div>
  );
}
