import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShareProgress } from '../api/offers';

/** Progress towards a share-to-unlock coupon: how many different friends opened the viewer's links. */
export function ShareUnlock({
  templateId,
  required,
  signedIn,
}: {
  templateId: string;
  required: number;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const progress = useShareProgress(templateId, signedIn);
  const reached = Math.min(progress.data?.reached ?? 0, required);
  return (
    <div className="share-unlock" data-testid="share-unlock">
      <span className="badge">{t('coupons.shareToUnlock')}</span>
      <small className="muted">{t('coupons.shareHint', { count: required })}</small>
      {signedIn ? (
        <>
          <progress max={required} value={reached} aria-label={t('coupons.shareToUnlock')} />
          <small data-testid="share-progress">{t('coupons.shareProgress', { reached, required })}</small>
          <Link to="/" className="btn btn-outline btn-small">
            {t('coupons.shareNow')}
          </Link>
        </>
      ) : null}
    </div>
  );
}
