import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMyBadges } from '../api/get-my-badges';
import { BadgeCard } from '../components/badge-card';

/** /badges: every badge, earned ones in their tier's colour and locked ones greyed, with progress. */
export function BadgesPage() {
  const { t } = useTranslation();
  const badges = useMyBadges();
  const items = badges.data?.items ?? [];
  const earned = items.filter((b) => b.tier !== null).length;
  return (
    <section className="page badges-page" data-testid="badges-page">
      <h1>{t('honours.title')}</h1>
      <p className="muted">{t('honours.intro')}</p>
      {badges.isPending ? <Spinner /> : null}
      <ErrorMessage error={badges.error} />
      {badges.data ? (
        <>
          <p className="badges-summary" data-testid="badges-earned">
            {t('honours.earnedCount', { count: earned })}
          </p>
          <ul className="badge-grid" data-testid="badge-grid">
            {items.map((badge) => (
              <BadgeCard key={badge.badge} badge={badge} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
