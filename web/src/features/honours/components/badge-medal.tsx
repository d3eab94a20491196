import { useTranslation } from 'react-i18next';
import type { BadgeName, Tier } from '../types';

const ICONS: Record<BadgeName, string> = {
  first_sale: '★',
  customers: '♥',
  check_in_streak: '✓',
  lessons: '✎',
  competition: '♛',
  service_years: '◷',
};

/** A round medal in its tier's colour; grey while locked. The icon is decoration, the name says it. */
export function BadgeMedal({
  badge,
  tier,
  size = 'large',
}: {
  badge: BadgeName;
  tier: Tier | null;
  size?: 'large' | 'small';
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge-medal badge-medal-${size} ${tier ? `tier-${tier}` : 'tier-locked'}`}
      role="img"
      aria-label={
        tier ? `${t(`honours.names.${badge}`)} · ${t(`honours.tiers.${tier}`)}` : t('honours.locked')
      }
    >
      <span aria-hidden="true">{ICONS[badge]}</span>
    </span>
  );
}
