import { useTranslation } from 'react-i18next';
import type { TrustPart } from '../api/trust';

/** Each part of a trust value: weight, value, what it is counted from, and what it costs. */
export function TrustParts({ parts, explain = false }: { parts: readonly TrustPart[]; explain?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="list trust-parts" data-testid="trust-parts">
      {parts.map((p) => (
        <li key={p.key} className="list-row" data-testid="trust-part" data-key={p.key} data-value={p.value}>
          <div className="list-row-main">
            <strong>{t(`trust.parts.${p.key}`)}</strong>{' '}
            <small className="muted">
              {t('trust.weight')} {p.weight}%
            </small>
            <div className="muted">
              {p.hasData ? t(`trust.facts.${p.key}`, { count: p.count, outOf: p.outOf }) : t('trust.noData')}
            </div>
            {explain ? (
              <div className="muted">
                <small>{t(`trust.moves.${p.key}`)}</small>
              </div>
            ) : null}
          </div>
          <div className="list-row-side">
            <div>{p.hasData ? p.value : '—'}</div>
            {p.cost > 0 ? (
              <small className="text-danger">{t('trust.costPoints', { count: p.cost })}</small>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
