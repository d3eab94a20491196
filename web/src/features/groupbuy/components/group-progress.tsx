import { useTranslation } from 'react-i18next';

/** "x of N joined", as a bar: paid members only, so the bar never counts someone still paying. */
export function GroupProgress({ paid, size }: { paid: number; size: number }) {
  const { t } = useTranslation();
  const percent = Math.round((Math.min(paid, size) / size) * 100);
  return (
    <div className="group-progress">
      <div
        className="group-progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={size}
        aria-valuenow={paid}
        aria-label={t('groupBuy.progress', { paid, size })}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <small data-testid="group-progress">{t('groupBuy.progress', { paid, size })}</small>
    </div>
  );
}
