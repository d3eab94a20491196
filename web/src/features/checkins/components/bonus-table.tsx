import { useTranslation } from 'react-i18next';
import type { CheckInCalendar } from '../types';

/** What each day of a streak earns; the day the next check-in makes is highlighted. */
export function BonusTable({ view }: { view: CheckInCalendar }) {
  const { t } = useTranslation();
  const { streakPoints, beyondPoints } = view.bonus;
  // Checked in or not, the next check-in makes day streak + 1 (the streak counts to yesterday until today's).
  const next = view.streak + 1;
  const rows = [
    ...streakPoints.map((points, i) => ({
      key: String(i + 1),
      label: t('checkIn.streakDay', { day: i + 1 }),
      points,
      on: next === i + 1,
    })),
    {
      key: 'beyond',
      label: t('checkIn.beyondDay', { day: streakPoints.length }),
      points: beyondPoints,
      on: next > streakPoints.length,
    },
  ];
  return (
    <div className="card" data-testid="checkin-bonus">
      <h2>{t('checkIn.bonusTitle')}</h2>
      <ol className="checkin-bonus">
        {rows.map((row) => (
          <li key={row.key} className={row.on ? 'checkin-bonus-next' : undefined}>
            <span>{row.label}</span>
            <strong>{t('checkIn.plusPoints', { count: row.points })}</strong>
          </li>
        ))}
      </ol>
    </div>
  );
}
