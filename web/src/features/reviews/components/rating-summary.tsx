import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '../api/reviews';
import { barPercent } from './ratings';
import { Stars } from './stars';

/** Average, count and a bar per rating, 5 stars at the top (the order shoppers read it in). */
export function RatingSummaryView({ summary }: { summary: RatingSummary }) {
  const { t, i18n } = useTranslation();
  const average =
    summary.average === null
      ? null
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
          summary.average,
        );
  return (
    <div className="rating-summary" data-testid="rating-summary">
      <div className="rating-average">
        <strong data-testid="rating-average">{average ?? '–'}</strong>
        {summary.average !== null ? <Stars rating={summary.average} /> : null}
        <span className="muted" data-testid="rating-count">
          {t('reviews.count', { count: summary.count })}
        </span>
      </div>
      <ul className="rating-histogram" aria-label={t('reviews.title')}>
        {[...summary.histogram].reverse().map((h) => (
          <li key={h.rating} data-testid={`histogram-${h.rating}`}>
            <span className="visually-hidden">{t('reviews.histogramRow', h)}</span>
            <span className="histogram-label" aria-hidden="true">
              {h.rating}★
            </span>
            <span className="histogram-bar" aria-hidden="true">
              <span style={{ width: `${barPercent(h.count, summary.count)}%` }} />
            </span>
            <span className="histogram-count" aria-hidden="true">
              {h.count}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
