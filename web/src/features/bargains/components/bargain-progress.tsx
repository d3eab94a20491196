import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import type { Bargain } from '../types';
import { cutProgress } from './bargain-state';

/** The way from the start price down to the floor: a bar, what is cut, what is left, helps so far. */
export function BargainProgress({ bargain }: { bargain: Bargain }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { cut, left, percent } = cutProgress(bargain);
  return (
    <div
      className="bargain-progress"
      data-testid="bargain-progress"
      data-price={bargain.price}
      data-floor={bargain.floorPrice}
    >
      <div
        className="bargain-progress-track"
        role="progressbar"
        aria-label={t('bargain.progress', { cut: money(cut), left: money(left) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="bargain-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="bargain-progress-ends">
        <small className="muted">{money(bargain.startPrice)}</small>
        <small className="muted">{t('bargain.floor', { price: money(bargain.floorPrice) })}</small>
      </p>
      <p className="bargain-progress-words">
        <strong>{t('bargain.progress', { cut: money(cut), left: money(left) })}</strong>
        <small className="muted">
          {t('bargain.helped', { count: bargain.helps.length, needed: bargain.helpersNeeded })}
        </small>
      </p>
    </div>
  );
}
