import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import type { Bargain } from '../types';

/**
 * The cut schedule, disclosed: it was drawn from a seed when the bargain started, so a friend's
 * help only takes the next cut (bargains/rules.ts `cutSchedule` reproduces it from the seed).
 */
export function CutScheduleNote({ bargain }: { bargain: Bargain }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { seed, cuts } = bargain.schedule;
  return (
    <details className="card bargain-schedule" data-testid="bargain-schedule">
      <summary>{t('bargain.schedule.title')}</summary>
      <p className="muted">
        {t('bargain.schedule.text', {
          count: cuts.length,
          seed,
          start: money(bargain.startPrice),
          floor: money(bargain.floorPrice),
        })}
      </p>
      <ol className="bargain-cuts">
        {cuts.map((cut, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the k-th cut is the k-th help's; the order is the point
          <li key={i} className={i < bargain.helps.length ? 'bargain-cut-taken' : undefined}>
            {money(cut)}
            {i < bargain.helps.length ? (
              <small className="muted"> · {t('bargain.schedule.taken')}</small>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
