import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { useClaimCoupon, useOffers, useShareProgress } from '../api/offers';
import { CouponCard } from '../components/coupon-card';
import { useCouponValidity } from '../components/coupon-terms';
import { ShareUnlock } from '../components/share-unlock';
import type { Offer } from '../types';

function ClaimButton({ offer, signedIn }: { offer: Offer; signedIn: boolean }) {
  const { t } = useTranslation();
  const claim = useClaimCoupon();
  // A share-to-unlock coupon stays locked until enough friends opened the viewer's links: its
  // progress stands where the button would be (the same query as ShareUnlock's, so one request).
  const progress = useShareProgress(offer.id, signedIn && Boolean(offer.shareToUnlock));
  if (!signedIn) {
    return (
      <Link className="btn btn-outline btn-small" to={`/signin?next=${encodeURIComponent('/coupons')}`}>
        {t('coupons.signInToClaim')}
      </Link>
    );
  }
  const soldOut = offer.remaining === 0;
  const required = offer.shareToUnlock ?? 0;
  const reached = Math.min(progress.data?.reached ?? 0, required);
  if (offer.canClaim && !soldOut && required > 0 && reached < required) {
    return (
      <span className="badge badge-muted coupon-locked" data-testid="coupon-locked">
        {progress.isPending ? t('coupons.locked') : t('coupons.lockedProgress', { reached, required })}
      </span>
    );
  }
  const label = soldOut
    ? t('coupons.soldOut')
    : offer.canClaim
      ? t('coupons.claim')
      : t('coupons.limitReached');
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={!offer.canClaim || claim.isPending}
        onClick={() => claim.mutate(offer.id)}
        data-testid="claim-coupon"
      >
        {claim.isPending ? t('common.working') : label}
      </button>
      {claim.isSuccess ? (
        <small className="coupon-claimed" role="status" data-testid="coupon-claimed">
          {t('coupons.claimedOne')}
        </small>
      ) : null}
      <ErrorMessage error={claim.error} />
    </>
  );
}

export function CouponCentrePage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const offers = useOffers(user?.id);
  const validity = useCouponValidity();
  const items = allItems(offers.data);

  return (
    <section className="page narrow" data-testid="coupon-centre">
      <h1>{t('coupons.centre')}</h1>
      <p className="muted">
        {t('coupons.centreHint')} {user ? <Link to="/my-coupons">{t('coupons.mine')}</Link> : null}
      </p>
      <ListStatus
        pending={offers.isPending}
        error={offers.error}
        empty={items.length === 0}
        emptyTitle={t('coupons.none')}
        emptyTestId="coupon-centre-empty"
      />
      <ul className="plain-list coupon-list">
        {items.map((offer) => (
          <li key={offer.id}>
            <CouponCard
              title={offer.title}
              terms={offer}
              testId="coupon-offer"
              details={
                <>
                  {offer.description ? <small>{offer.description}</small> : null}
                  <small className="muted">{validity(offer)}</small>
                  {offer.remaining !== null ? (
                    <small className="muted">{t('coupons.remaining', { count: offer.remaining })}</small>
                  ) : null}
                  {offer.held > 0 ? <small>{t('coupons.youHold', { count: offer.held })}</small> : null}
                  {offer.shareToUnlock ? (
                    <ShareUnlock
                      templateId={offer.id}
                      required={offer.shareToUnlock}
                      signedIn={Boolean(user)}
                    />
                  ) : null}
                </>
              }
              action={<ClaimButton offer={offer} signedIn={Boolean(user)} />}
            />
          </li>
        ))}
      </ul>
      <LoadMore pages={offers} />
    </section>
  );
}
