import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeUntil } from '../replay';

/** Time left before the session starts, ticking every second. */
export function Countdown({ startsAt }: { startsAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = timeUntil(new Date(startsAt), now);
  return (
    <div className="live-countdown" data-testid="live-countdown">
      <span>{left.total > 0 ? t('live.startsIn') : t('live.startingSoon')}</span>
      {left.total > 0 ? <strong>{t('live.countdown', left)}</strong> : null}
    </div>
  );
}
