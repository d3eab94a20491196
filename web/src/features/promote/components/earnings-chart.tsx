import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import type { EarningDay } from '../types';

const DAY_MS = 86_400_000;
const BAR = 10;
const HEIGHT = 100;

/** The last `days` UTC days ending today, each with its earnings (0 when the API has no row). */
export function fillDays(items: EarningDay[], days: number, now: Date): EarningDay[] {
  const byDay = new Map(items.map((item) => [item.day, item.amount]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(now.getTime() - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, amount: byDay.get(day) ?? 0 };
  });
}

/** A dependency-free bar chart: one bar per day, scaled to the best day. */
export function EarningsChart({ days }: { days: EarningDay[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const best = Math.max(1, ...days.map((d) => d.amount));
  const total = days.reduce((sum, d) => sum + d.amount, 0);
  return (
    <figure className="earnings-chart" data-testid="earnings-chart" data-total={total}>
      <svg
        viewBox={`0 0 ${days.length * BAR} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('promote.chartLabel', { count: days.length, total: money(total) })}
      >
        {days.map((d, i) => {
          const height = d.amount > 0 ? Math.max(2, (d.amount / best) * HEIGHT) : 0;
          return (
            <rect key={d.day} x={i * BAR + 1.5} y={HEIGHT - height} width={BAR - 3} height={height} rx={1.5}>
              <title>{`${d.day}: ${money(d.amount)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="earnings-axis muted" aria-hidden="true">
        <span>{days[0]?.day}</span>
        <span>{days.at(-1)?.day}</span>
      </div>
      <figcaption>{t('promote.chartTotal', { count: days.length, total: money(total) })}</figcaption>
    </figure>
  );
}
