import { useTranslation } from 'react-i18next';
import type { MemberLevel, MyLevel } from '../types';

/**
 * How far the person is from the next level: a bar from this level's threshold to the next one's,
 * and the growth still missing. At the top level there is nothing left to reach.
 */
export function LevelProgress({ me, levels }: { me: MyLevel; levels: readonly MemberLevel[] }) {
  const { t } = useTranslation();
  const current = levels.find((l) => l.rank === me.level);
  const next = levels.find((l) => l.rank > me.level);
  if (me.nextLevelGrowth === null || !next) {
    return (
      <p className="level-top" data-testid="level-top">
        {t('levels.top')}
      </p>
    );
  }
  const from = current?.threshold ?? 0;
  const span = Math.max(1, me.nextLevelGrowth - from);
  const done = Math.min(span, Math.max(0, me.growth - from));
  const percent = Math.round((done / span) * 100);
  const missing = Math.max(0, me.nextLevelGrowth - me.growth);
  return (
    <div className="level-progress" data-testid="level-progress">
      <div
        className="level-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('levels.progressLabel', { name: next.name })}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p data-testid="level-missing">{t('levels.toNext', { count: missing, name: next.name })}</p>
    </div>
  );
}
