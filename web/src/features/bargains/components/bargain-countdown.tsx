import { useTranslation } from 'react-i18next';
import { formatRemaining } from '../../groupbuy';

/** Time left: to be helped while open, to be bought once at the floor. */
export function BargainCountdown({ remaining, atFloor }: { remaining: number; atFloor: boolean }) {
  const { t } = useTranslation();
  const time = formatRemaining(remaining);
  return (
    <p className="countdown" data-testid="bargain-countdown">
      {remaining <= 0
        ? t('bargain.timeUp')
        : atFloor
          ? t('bargain.buyWithin', { time })
          : t('bargain.endsIn', { time })}
    </p>
  );
}
