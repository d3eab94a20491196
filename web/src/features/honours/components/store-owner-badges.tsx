import { useTranslation } from 'react-i18next';
import { useUserBadges } from '../api/get-user-badges';
import { EarnedBadgeList } from './earned-badges';

/**
 * The store owner's earned badges on their store page. Shows nothing while loading, on an error or
 * when none are earned: the store page is about the products, the badges only add trust.
 */
export function StoreOwnerBadges({ ownerId }: { ownerId: string }) {
  const { t } = useTranslation();
  const badges = useUserBadges(ownerId);
  const items = badges.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card store-badges" aria-label={t('honours.onStore')}>
      <h2 className="store-badges-title">{t('honours.onStore')}</h2>
      <EarnedBadgeList items={items} testId="store-badges" />
    </section>
  );
}
