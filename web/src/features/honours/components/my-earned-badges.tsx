import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMyBadges } from '../api/get-my-badges';
import type { EarnedBadge } from '../types';
import { EarnedBadgeList } from './earned-badges';

/** The signed-in promoter's earned badges, on their promoter page, with a link to every badge. */
export function MyEarnedBadges() {
  const { t } = useTranslation();
  const badges = useMyBadges();
  const earned: EarnedBadge[] = [];
  for (const b of badges.data?.items ?? []) if (b.tier) earned.push({ badge: b.badge, tier: b.tier });
  return (
    <section className="card" data-testid="promote-badges">
      <div className="badges-heading">
        <h2>{t('honours.onPromote')}</h2>
        <Link to="/badges">{t('honours.seeAll')}</Link>
      </div>
      {badges.isPending ? <Spinner /> : null}
      <ErrorMessage error={badges.error} />
      {badges.data && earned.length === 0 ? <p className="muted">{t('honours.noneYet')}</p> : null}
      {earned.length > 0 ? <EarnedBadgeList items={earned} testId="promote-badge-list" /> : null}
    </section>
  );
}
