import { useTranslation } from 'react-i18next';
import { useConfig } from '../../../lib/config';
import { useBps } from '../../../lib/percent';

/** How a share turns into money, with the operator's current levels, rates and return window. */
export function CommissionExplainer() {
  const { t } = useTranslation();
  const config = useConfig().data;
  const bps = useBps();
  if (!config) return null;
  const levels = config.distribution.rates
    .slice(0, config.distribution.maxLevels)
    .map((rate, i) => ({ level: Math.min(i + 1, 3) as 1 | 2 | 3, rate }));
  return (
    <section className="card" data-testid="commission-explainer">
      <h2>{t('promote.howTitle')}</h2>
      <p>{t('promote.howShare')}</p>
      <ol className="level-list">
        {levels.map(({ level, rate }) => (
          <li key={level}>
            <strong>{bps(rate)}</strong> {t(`promote.level${level}`)}
          </li>
        ))}
      </ol>
      <p className="muted">{t('promote.howSettle', { count: config.returnWindowDays })}</p>
      <p className="muted">{t('promote.howRules')}</p>
    </section>
  );
}
