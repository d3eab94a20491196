import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSharer } from '../api/get-sharer';

/**
 * Shared links land on `…?ref=<code>`. The page says who recommends the item ("陈* recommends
 * this", the name masked as strangers see names) and, plainly and before they buy, that whoever
 * shared it may earn from a purchase made through it. `targetId` keeps a code of another item from
 * recommending this one.
 */
export function ReferralDisclosure({ targetId }: { targetId?: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('ref');
  const sharer = useSharer(code);
  if (!code) return null;
  const recommender =
    sharer.data && (!targetId || sharer.data.targetId === targetId) ? sharer.data : undefined;
  return (
    <div className="alert alert-info referral-disclosure" role="note" data-testid="referral-disclosure">
      {recommender ? (
        <p className="referral-recommender" data-testid="share-recommender">
          <span className="recommender-initial" aria-hidden="true">
            {recommender.initial}
          </span>{' '}
          <strong>{t('sharing.recommends', { name: recommender.name })}</strong>
        </p>
      ) : null}
      <p>{t('share.disclosure')}</p>
    </div>
  );
}
