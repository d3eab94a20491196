import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Spinner } from '../../../components/spinner';
import { type FieldError, isApiError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useCheckInSettings } from '../api/check-in-settings';
import { type CheckInSettings, useSaveCheckInSettings } from '../api/save-check-in-settings';

const MAX_POINTS = 100_000;
const MAX_CARDS = 10;
const whole = (text: string, max: number) => /^\d+$/.test(text.trim()) && Number(text) <= max;

/** The form's own check, worded like the server's field errors (`maximum` with its limit). */
function formErrors(days: string[], beyond: string, cards: string): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (path: string, limit: number) =>
    errors.push({ path, message: 'is not a whole number in range', rule: 'maximum', params: { limit } });
  days.forEach((d, i) => {
    if (!whole(d, MAX_POINTS)) bad(`/streakPoints/${i}`, MAX_POINTS);
  });
  if (!whole(beyond, MAX_POINTS)) bad('/beyondPoints', MAX_POINTS);
  if (!whole(cards, MAX_CARDS)) bad('/makeUpCardsPerMonth', MAX_CARDS);
  return errors;
}

function SettingsForm({ settings }: { settings: CheckInSettings }) {
  const { t } = useTranslation();
  const save = useSaveCheckInSettings();
  const [days, setDays] = useState(settings.streakPoints.map(String));
  const [beyond, setBeyond] = useState(String(settings.beyondPoints));
  const [cards, setCards] = useState(String(settings.makeUpCardsPerMonth));
  const [checked, setChecked] = useState<FieldError[]>([]);
  const errorAt = useFieldErrors(save.error, checked);
  // A day's points are a list item on the server (`/streakPoints/3`): worded here, as the list's name says nothing.
  const dayError = (i: number) =>
    checked.some((e) => e.path === `/streakPoints/${i}`) ||
    (isApiError(save.error) && save.error.fieldError(`/streakPoints/${i}`))
      ? t('adminCheckIns.pointsError', { max: MAX_POINTS })
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = formErrors(days, beyond, cards);
    setChecked(errors);
    if (errors.length > 0) return;
    save.mutate({
      streakPoints: days.map(Number),
      beyondPoints: Number(beyond),
      makeUpCardsPerMonth: Number(cards),
    });
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="checkin-settings-form">
      <fieldset>
        <legend>{t('adminCheckIns.streakTable')}</legend>
        <div className="checkin-settings-days">
          {days.map((value, i) => (
            <Field
              // biome-ignore lint/suspicious/noArrayIndexKey: the seven days are fixed positions.
              key={i}
              label={t('checkIn.streakDay', { day: i + 1 })}
              name={`day${i + 1}`}
              inputMode="numeric"
              value={value}
              onChange={(e) => setDays(days.map((d, j) => (j === i ? e.target.value : d)))}
              error={dayError(i)}
            />
          ))}
        </div>
        <Field
          label={t('adminCheckIns.beyond', { day: days.length })}
          name="beyondPoints"
          inputMode="numeric"
          value={beyond}
          onChange={(e) => setBeyond(e.target.value)}
          error={errorAt('/beyondPoints')}
        />
      </fieldset>
      <Field
        label={t('adminCheckIns.cards')}
        hint={t('adminCheckIns.cardsHint')}
        name="makeUpCardsPerMonth"
        inputMode="numeric"
        value={cards}
        onChange={(e) => setCards(e.target.value)}
        error={errorAt('/makeUpCardsPerMonth')}
      />
      <p className="muted">{t('adminCheckIns.appliesNote')}</p>
      {isApiError(save.error, 400) ? null : <ErrorMessage error={save.error} />}
      {save.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="checkin-settings-saved">
          {t('adminCheckIns.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending}
        data-testid="save-checkin-settings"
      >
        {save.isPending ? t('common.working') : t('adminCheckIns.save')}
      </button>
    </form>
  );
}

/** The console's check-in settings: the streak bonus table and the make-up cards. */
export function AdminCheckInSettingsPage() {
  const { t } = useTranslation();
  const settings = useCheckInSettings();
  return (
    <section>
      <h1>{t('adminCheckIns.title')}</h1>
      <p className="muted">{t('adminCheckIns.hint')}</p>
      {settings.isPending ? <Spinner /> : null}
      <ErrorMessage error={settings.error} />
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
    </section>
  );
}
