import { useTranslation } from 'react-i18next';
import type { CheckInCalendar } from '../types';
import { monthGrid } from './month-grid';

/** Monday to Sunday, as the grid is laid out (2 March 2026 is a Monday). */
/** The catalog key of each state (the CSS classes keep the kebab-case name). */
const STATE_KEY = { checked: 'checked', 'made-up': 'madeUp', missed: 'missed', none: 'none' } as const;

const WEEK = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 2, 2 + i)));

/**
 * The month as a grid: checked days marked, made-up days marked apart, today ringed. A missed day a
 * make-up card could fill is a button (`onMakeUp`); the other days are plain text.
 */
export function MonthCalendar({
  view,
  onMakeUp,
}: {
  view: CheckInCalendar;
  onMakeUp: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'narrow', timeZone: 'UTC' });
  const byDay = new Map(view.days.map((d) => [d.day, d]));
  const fillable = new Set(view.makeUpDays);
  return (
    <table className="checkin-calendar" data-testid="checkin-calendar">
      <thead>
        <tr>
          {WEEK.map((d) => (
            <th key={d.toISOString()} scope="col">
              {weekday.format(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(view.month).map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((day, i) => {
              // biome-ignore lint/suspicious/noArrayIndexKey: a blank's place in its week is all it has.
              if (!day) return <td key={`blank-${i}`} />;
              const checked = byDay.get(day);
              const state: keyof typeof STATE_KEY = checked
                ? checked.madeUp
                  ? 'made-up'
                  : 'checked'
                : fillable.has(day)
                  ? 'missed'
                  : 'none';
              const label = t(`checkIn.dayState.${STATE_KEY[state]}`, { day: Number(day.slice(8)) });
              const classes = [
                'checkin-day',
                `checkin-day-${state}`,
                day === view.today ? 'checkin-today' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td key={day}>
                  {state === 'missed' ? (
                    <button
                      type="button"
                      className={classes}
                      aria-label={label}
                      onClick={() => onMakeUp(day)}
                      data-testid="checkin-day"
                      data-day={day}
                      data-state={state}
                    >
                      {Number(day.slice(8))}
                    </button>
                  ) : (
                    <span
                      className={classes}
                      aria-current={day === view.today ? 'date' : undefined}
                      data-testid="checkin-day"
                      data-day={day}
                      data-state={state}
                    >
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{label}</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
