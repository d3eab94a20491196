import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { isApiError } from '../../../lib/api-error';
import { useCheckIn } from '../api/check-in';
import type { CheckInCalendar } from '../types';

/**
 * The big button. Once today's check-in is made (here, or in another tab: the 409 then only says so)
 * it turns into "Checked in today · +N points", N being what today's check-in earned.
 */
export function CheckInButton({ view }: { view: CheckInCalendar }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const elsewhere = isApiError(checkIn.error, 409) && checkIn.error.reason === 'already_checked_in';
  const done = view.checkedInToday || checkIn.isSuccess || elsewhere;
  const earned =
    checkIn.data?.points ?? view.days.find((d) => d.day === view.today)?.points ?? view.pointsToday;
  return (
    <div className="checkin-action">
      {done ? (
        <p className="checkin-done" role="status" data-testid="checkin-done">
          {t('checkIn.done', { count: earned })}
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary checkin-button"
          onClick={() => checkIn.mutate()}
          disabled={checkIn.isPending}
          data-testid="checkin-button"
        >
          {checkIn.isPending ? t('common.working') : t('checkIn.button', { count: view.pointsToday })}
        </button>
      )}
      {elsewhere ? (
        <p className="muted" data-testid="checkin-elsewhere">
          {t('checkIn.elsewhere')}
        </p>
      ) : (
        <ErrorMessage error={checkIn.error} />
      )}
      <p className="checkin-tomorrow" data-testid="checkin-tomorrow">
        {t('checkIn.tomorrow', { count: view.pointsTomorrow })}
      </p>
    </div>
  );
}
