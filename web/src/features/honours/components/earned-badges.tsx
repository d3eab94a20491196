import { useTranslation } from 'react-i18next';
import type { EarnedBadge } from '../types';
import { BadgeMedal } from './badge-medal';

/** A row of earned badges, each with its name and tier: on a store page and the promoter's page. */
export function EarnedBadgeList({ items, testId }: { items: readonly EarnedBadge[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="earned-badges" data-testid={testId}>
      {items.map((item) => (
        <li
          key={item.badge}
          className="earned-badge"
          data-testid={`earned-badge-${item.badge}`}
          data-tier={item.tier}
        >
          <BadgeMedal badge={item.badge} tier={item.tier} size="small" />
          <span>
            {t(`honours.names.${item.badge}`)}
            <small className="muted muted-block">{t(`honours.tiers.${item.tier}`)}</small>
          </span>
        </li>
      ))}
    </ul>
  );
}
