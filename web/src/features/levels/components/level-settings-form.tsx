import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSaveLevelSettings } from '../api/level-settings';
import type { LevelSettings } from '../types';

const RATES = ['growthPerUnit', 'growthPerCheckin', 'growthPerReview', 'growthPerLesson'] as const;

/** How growth is earned, and the optional yearly re-evaluation. */
export function LevelSettingsForm({ settings }: { settings: LevelSettings }) {
  const { t } = useTranslation();
  const save = useSaveLevelSettings();
  const errorAt = useFieldErrors(save.error);
  const [rates, setRates] = useState(() => Object.fromEntries(RATES.map((k) => [k, String(settings[k])])));
  const [reviewEnabled, setReviewEnabled] = useState(settings.reviewEnabled);
  const [reviewDate, setReviewDate] = useState(settings.reviewDate);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      ...Object.fromEntries(RATES.map((k) => [k, Number(rates[k])])),
      reviewEnabled,
      reviewDate,
    });
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="level-settings-form">
      <h2>{t('adminLevels.settingsTitle')}</h2>
      {RATES.map((k) => (
        <Field
          key={k}
          label={t(`adminLevels.rates.${k}`)}
          name={k}
          inputMode="numeric"
          value={rates[k] ?? ''}
          onChange={(e) => setRates({ ...rates, [k]: e.target.value })}
          error={errorAt(`/${k}`)}
        />
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={reviewEnabled} onChange={(e) => setReviewEnabled(e.target.checked)} />
        {t('adminLevels.reviewEnabled')}
      </label>
      <Field
        label={t('adminLevels.reviewDate')}
        name="reviewDate"
        value={reviewDate}
        hint={t('adminLevels.reviewHint')}
        onChange={(e) => setReviewDate(e.target.value)}
        error={errorAt('/reviewDate')}
      />
      {settings.nextReviewDay ? (
        <p className="muted" data-testid="next-review">
          {t('adminLevels.nextReview', { day: settings.nextReviewDay })}
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      {save.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('adminLevels.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending}
        data-testid="save-level-settings"
      >
        {save.isPending ? t('common.working') : t('adminLevels.saveSettings')}
      </button>
    </form>
  );
}
