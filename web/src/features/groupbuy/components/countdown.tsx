import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** "02:14:07" until the deadline, ticking every second; days are shown when there are any. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

export function useRemaining(deadline: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return new Date(deadline).getTime() - now;
}

export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const remaining = useRemaining(deadline);
  return (
    <span className="countdown" data-testid="group-countdown">
      {remaining > 0 ? t('groupBuy.endsIn', { time: formatRemaining(remaining) }) : t('groupBuy.timeUp')}
    </span>
  );
}
