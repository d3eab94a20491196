import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useDateTime } from '../../../lib/config';
import { useUser } from '../../auth';
import { CategoryIcon } from '../../catalog';
import { useGift } from '../api/gifts';
import { ClaimForm } from '../components/claim-form';
import { GiftItems } from '../components/gift-items';
import { GiftStatusBadge } from '../components/gift-status-badge';
import type { Gift } from '../types';

/** `/gifts/:token`: the page a gift's link opens, for anyone holding it. */
export function ClaimGiftPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const gift = useGift(token);
  if (gift.isPending) return <Spinner />;
  if (isApiError(gift.error, 404)) {
    return (
      <StatusPage title={t('gifts.claim.notFound')} testId="gift-not-found">
        <p>{t('gifts.claim.notFoundHint')}</p>
        <Link className="btn btn-primary" to="/">
          {t('common.backHome')}
        </Link>
      </StatusPage>
    );
  }
  if (!gift.data) return <ErrorMessage error={gift.error} />;
  return <GiftClaim token={token} gift={gift.data} />;
}

function GiftClaim({ token, gift }: { token: string; gift: Gift }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const [claimedOrder, setClaimedOrder] = useState<string | null>(null);
  return (
    <article className="page narrow gift-page" data-testid="gift-page">
      <header className="card gift-header">
        <span className="gift-ribbon">
          <CategoryIcon name="gift" size={40} />
        </span>
        <h1>{t('gifts.claim.title')}</h1>
        <p data-testid="gift-from">{t('gifts.claim.from', { name: gift.from.name })}</p>
        {gift.message ? (
          <blockquote className="gift-message" data-testid="gift-message-shown">
            {gift.message}
          </blockquote>
        ) : null}
        <GiftStatusBadge status={claimedOrder ? 'claimed' : gift.status} />
      </header>
      <section className="card">
        <h2>{t('gifts.claim.contents')}</h2>
        <GiftItems items={gift.items} />
      </section>
      <section className="card gift-claim">
        {claimedOrder ? (
          <Claimed orderId={claimedOrder} />
        ) : (
          <ClaimState token={token} gift={gift} onClaimed={setClaimedOrder} dateTime={dateTime} />
        )}
      </section>
    </article>
  );
}

function Claimed({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="gift-claimed">
      <h2>{t('gifts.claim.claimedTitle')}</h2>
      <p>{t('gifts.claim.claimedHint')}</p>
      <Link className="btn btn-primary btn-block" to={`/orders/${orderId}`} data-testid="gift-view-order">
        {t('gifts.claim.viewOrder')}
      </Link>
    </div>
  );
}

/** What the viewer can do with the gift as it stands: claim it, sign in first, or nothing (and why). */
function ClaimState({
  token,
  gift,
  onClaimed,
  dateTime,
}: {
  token: string;
  gift: Gift;
  onClaimed: (orderId: string) => void;
  dateTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const { user, loading } = useUser();
  const orderLink = gift.orderId ? (
    <Link className="btn btn-outline btn-block" to={`/orders/${gift.orderId}`} data-testid="gift-view-order">
      {t('gifts.claim.viewOrder')}
    </Link>
  ) : null;
  if (gift.yours === 'sent')
    return (
      <>
        <p data-testid="gift-own">{t('gifts.claim.own')}</p>
        {orderLink}
      </>
    );
  if (gift.status === 'claimed')
    return gift.yours === 'received' ? (
      <>
        <p data-testid="gift-taken">{t('gifts.claim.takenByYou')}</p>
        {orderLink}
      </>
    ) : (
      <p data-testid="gift-taken">{t('gifts.claim.taken')}</p>
    );
  if (gift.status !== 'unclaimed') return <p data-testid="gift-closed">{t('gifts.claim.closed')}</p>;
  if (gift.claimBy && new Date(gift.claimBy).getTime() <= Date.now())
    return <p data-testid="gift-closed">{t('gifts.claim.expired')}</p>;
  const by = gift.claimBy ? (
    <p className="muted">{t('gifts.claim.claimBy', { time: dateTime(gift.claimBy) })}</p>
  ) : null;
  if (loading) return <Spinner />;
  if (!user) {
    const next = encodeURIComponent(`/gifts/${token}`);
    return (
      <div data-testid="gift-sign-in">
        {by}
        <p>{t('gifts.claim.signInHint')}</p>
        <Link
          className="btn btn-primary btn-block"
          to={`/signin?next=${next}`}
          data-testid="gift-sign-in-link"
        >
          {t('gifts.claim.signIn')}
        </Link>
        <Link className="btn btn-outline btn-block" to={`/signup?next=${next}`}>
          {t('gifts.claim.signUp')}
        </Link>
      </div>
    );
  }
  return (
    <>
      {by}
      <ClaimForm token={token} onClaimed={onClaimed} />
    </>
  );
}
