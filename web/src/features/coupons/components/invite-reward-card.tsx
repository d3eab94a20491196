import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyPoints, usePublicInvitationReward } from '../api/invitation-rewards';
import { useCouponConditions, useCouponValue } from './coupon-terms';

const REASONS: Record<string, 'invitation' | 'invitationReversed' | 'checkin'> = {
  invitation: 'invitation',
  checkin: 'checkin',
  invitation_reversed: 'invitationReversed',
};

/** What inviting a friend earns (the operator's setting, in words). */
export function InviteRewardText() {
  const { t } = useTranslation();
  const reward = usePublicInvitationReward();
  const value = useCouponValue();
  const conditions = useCouponConditions();
  const r = reward.data;
  // Without a reward the invite card's own hint says all there is to say.
  if (!r || r.kind === 'none') return null;
  const text =
    r.kind === 'coupon' && r.coupon
      ? t('invite.rewardCoupon', {
          title: r.coupon.title,
          terms: `${value(r.coupon)}, ${conditions(r.coupon)}`,
        })
      : t('invite.rewardPoints', { points: r.points ?? 0 });
  return (
    <p data-testid="invite-reward">
      {text}
      <small className="muted muted-block">{t('invite.rewardNote')}</small>
    </p>
  );
}

/** The person's points balance and latest postings, with links to their coupons. */
export function PointsCard() {
  const { t } = useTranslation();
  const points = useMyPoints();
  const data = points.data;
  return (
    <div className="card" data-testid="points-card">
      <h2>{t('points.title')}</h2>
      <p className="points-balance" data-testid="points-balance">
        {t('points.balance', { count: data?.balance ?? 0 })}
      </p>
      {data && data.items.length > 0 ? (
        <ul className="plain-list points-history">
          {data.items.slice(0, 5).map((p) => {
            const reason = REASONS[p.reason];
            return (
              <li key={p.id}>
                <span>{reason ? t(`points.reasons.${reason}`) : p.reason}</span>
                <strong>{p.delta > 0 ? `+${p.delta}` : p.delta}</strong>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('points.none')}</p>
      )}
      <p>
        <Link to="/points" data-testid="account-points">
          {t('pointsLedger.title')}
        </Link>
        {' · '}
        <Link to="/my-coupons" data-testid="account-my-coupons">
          {t('coupons.mine')}
        </Link>
        {' · '}
        <Link to="/coupons" data-testid="account-coupon-centre">
          {t('coupons.centre')}
        </Link>
      </p>
    </div>
  );
}
