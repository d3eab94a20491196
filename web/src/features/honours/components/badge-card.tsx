import { useTranslation } from 'react-i18next';
import type { MyBadge } from '../types';
import { BadgeMedal } from './badge-medal';
import { placeFor, progressShare } from './badge-progress';

/** What the next tier asks for, in the badge's own words (a placing is a place, not a count). */
function useProgressText() {
  const { t } = useTranslation();
  return (badge: MyBadge) => {
    if (badge.nextThreshold === null) return t('honours.top');
    if (badge.badge === 'competition') {
      const place = placeFor(badge.nextThreshold);
      return t('honours.progress.competition', { place: t(`honours.places.${place}`) });
    }
    // `count` picks the plural form by the threshold ("0 of 1 lesson", "1 of 5 lessons").
    return t(`honours.progress.${badge.badge}`, { done: badge.count, count: badge.nextThreshold });
  };
}

/** One badge: its medal in the tier's colour (grey while locked), what it is for, progress to the next tier. */
export function BadgeCard({ badge }: { badge: MyBadge }) {
  const { t } = useTranslation();
  const progressText = useProgressText();
  const done = progressShare(badge);
  return (
    <li
      className={`badge-card card${badge.tier ? '' : ' badge-card-locked'}`}
      data-testid={`badge-${badge.badge}`}
      data-tier={badge.tier ?? 'none'}
    >
      <BadgeMedal badge={badge.badge} tier={badge.tier} />
      <div className="badge-card-body">
        <h2>{t(`honours.names.${badge.badge}`)}</h2>
        <p
          className={`badge-tier ${badge.tier ? `tier-text-${badge.tier}` : 'muted'}`}
          data-testid="badge-tier"
        >
          {badge.tier ? t(`honours.tiers.${badge.tier}`) : t('honours.locked')}
          {badge.nextTier && badge.tier ? (
            <span className="muted">
              {' '}
              · {t('honours.nextTier', { tier: t(`honours.tiers.${badge.nextTier}`) })}
            </span>
          ) : null}
        </p>
        <p className="muted badge-description">{t(`honours.descriptions.${badge.badge}`)}</p>
        <div
          className="badge-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(done * 100)}
          aria-label={progressText(badge)}
        >
          <span style={{ width: `${done * 100}%` }} />
        </div>
        <small className="muted" data-testid="badge-progress">
          {progressText(badge)}
        </small>
      </div>
    </li>
  );
}
