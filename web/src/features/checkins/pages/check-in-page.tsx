import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useCheckInCalendar } from '../api/check-in-calendar';
import { useMakeUp } from '../api/make-up';
import { BonusTable } from '../components/bonus-table';
import { CheckInButton } from '../components/check-in-button';
import { MonthCalendar } from '../components/month-calendar';
import { shiftMonth } from '../components/month-grid';
import type { CheckInCalendar } from '../types';

/** A day as the reader says it ("12 March", "3月12日"); days are calendar days, so read in UTC. */
function useDayName() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

/** This month's make-up cards, and how to use one, while the operator gives any. */
function MakeUpCards({ view }: { view: CheckInCalendar }) {
  const { t } = useTranslation();
  if (view.makeUpCardsPerMonth === 0) return null;
  return (
    <p className="muted" data-testid="checkin-cards">
      {t('checkIn.cardsLeft', { count: view.makeUpCardsLeft })}{' '}
      {view.makeUpCardsLeft > 0 && view.makeUpDays.length > 0 ? t('checkIn.cardsHint') : null}
    </p>
  );
}

/** The daily check-in: the streak, the big button, the month's calendar with make-up cards, the bonus table. */
export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const calendar = useCheckInCalendar(month);
  const makeUp = useMakeUp();
  const [picked, setPicked] = useState<string | null>(null);
  const dayName = useDayName();
  const view = calendar.data;
  const current = view?.today.slice(0, 7);
  const shown = view?.month ?? month;
  const monthName = shown
    ? new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${shown}-01T00:00:00Z`),
      )
    : '';

  return (
    <section className="page narrow checkin-page" data-testid="checkin-page">
      <h1>{t('checkIn.title')}</h1>
      {calendar.isPending ? <Spinner /> : null}
      <ErrorMessage error={calendar.error} />
      {view ? (
        <>
          <div className="card checkin-hero">
            <p className="checkin-streak" data-testid="checkin-streak" data-streak={view.streak}>
              {view.streak > 0 ? t('checkIn.streak', { count: view.streak }) : t('checkIn.noStreak')}
            </p>
            <CheckInButton view={view} />
          </div>
          <div className="card">
            <div className="checkin-month">
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => shown && setMonth(shiftMonth(shown, -1))}
                aria-label={t('checkIn.previousMonth')}
                data-testid="checkin-prev-month"
              >
                ‹
              </button>
              <h2 data-testid="checkin-month">{monthName}</h2>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => shown && setMonth(shiftMonth(shown, 1))}
                disabled={!shown || shown === current}
                aria-label={t('checkIn.nextMonth')}
                data-testid="checkin-next-month"
              >
                ›
              </button>
            </div>
            <MonthCalendar view={view} onMakeUp={setPicked} />
            <ul className="checkin-legend">
              <li className="checkin-legend-checked">{t('checkIn.legend.checked')}</li>
              <li className="checkin-legend-made-up">{t('checkIn.legend.madeUp')}</li>
              <li className="checkin-legend-today">{t('checkIn.legend.today')}</li>
            </ul>
            <MakeUpCards view={view} />
            <ErrorMessage error={makeUp.error} />
            {makeUp.isSuccess ? (
              <p className="alert alert-success" role="status" data-testid="checkin-made-up">
                {t('checkIn.madeUp', { day: dayName(makeUp.data.day), count: makeUp.data.streak })}
              </p>
            ) : null}
          </div>
          <BonusTable view={view} />
        </>
      ) : null}
      <ConfirmDialog
        open={picked !== null}
        title={t('checkIn.makeUpTitle')}
        message={picked ? t('checkIn.makeUpMessage', { day: dayName(picked) }) : undefined}
        confirmLabel={t('checkIn.makeUpConfirm')}
        busy={makeUp.isPending}
        testId="checkin-make-up"
        onCancel={() => setPicked(null)}
        onConfirm={() => {
          if (picked) makeUp.mutate(picked, { onSettled: () => setPicked(null) });
        }}
      />
    </section>
  );
}
