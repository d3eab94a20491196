import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competition } from '../types';
import { timeLeft } from './time-left';

/** Time to the start of an upcoming competition, or to the end of a running one, ticking each second. */
export function Countdown({ competition }: { competition: Competition }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (competition.phase !== 'upcoming' && competition.phase !== 'running') return null;
  const target = competition.phase === 'upcoming' ? competition.startsAt : competition.endsAt;
  const left = timeLeft(new Date(target).getTime(), now);
  return (
    <p className="competition-countdown" data-testid="competition-countdown" aria-live="off">
      <span>{competition.phase === 'upcoming' ? t('competitions.startsIn') : t('competitions.endsIn')}</span>{' '}
      <strong>{t('competitions.countdown', left)}</strong>
    </p>
  );
}
