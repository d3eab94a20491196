import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { type FieldError, isApiError } from '../../../lib/api-error';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSaveDistributionSettings } from '../api/settings';
import type { Attribution, ContentCredit, DistributionSettings } from '../types';
import {
  type DraftProblem,
  draftOf,
  HARD_MAX_LEVELS,
  type SettingsDraft,
  toSettings,
} from './settings-draft';

const PROBLEMS: readonly DraftProblem[] = ['invalidPercent', 'invalidDays', 'invalidAmount'];
const LEVELS = Array.from({ length: HARD_MAX_LEVELS }, (_, i) => i + 1);

export function SettingsForm({ settings }: { settings: DistributionSettings }) {
  const { t } = useTranslation();
  const currency = useCurrency();
  const digits = minorDigits(currency);
  const save = useSaveDistributionSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings, digits));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const serverFieldError = useFieldErrors(save.error);
  function errorAt(path: string): string | undefined {
    const own = clientErrors.find((e) => e.path === path)?.message;
    const known = PROBLEMS.find((p) => p === own);
    if (known) return t(`adminDistribution.errors.${known}`);
    return serverFieldError(path);
  }

  function setRate(level: number, text: string) {
    setDraft((d) => ({ ...d, ratesPercent: d.ratesPercent.map((r, i) => (i === level ? text : r)) }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { settings: next, errors } = toSettings(draft, digits);
    setClientErrors(errors);
    if (next) save.mutate(next);
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="distribution-settings-form">
      <div className="field">
        <label htmlFor="max-levels">{t('adminDistribution.maxLevels')}</label>
        <select
          id="max-levels"
          value={draft.maxLevels}
          onChange={(e) => update({ maxLevels: Number(e.target.value) })}
          data-testid="max-levels"
        >
          {LEVELS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('adminDistribution.rates')}</legend>
        <div className="form-row">
          {LEVELS.slice(0, draft.maxLevels).map((level) => (
            <Field
              key={level}
              label={t('adminDistribution.rateForLevel', { level })}
              name={`rate-${level}`}
              inputMode="decimal"
              value={draft.ratesPercent[level - 1] ?? ''}
              onChange={(e) => setRate(level - 1, e.target.value)}
              error={errorAt(`/ratesBps/${level - 1}`) ?? (level === 1 ? errorAt('/ratesBps') : undefined)}
            />
          ))}
        </div>
      </fieldset>
      <Field
        label={t('adminDistribution.cap')}
        name="capPercent"
        inputMode="decimal"
        value={draft.capPercent}
        onChange={(e) => update({ capPercent: e.target.value })}
        error={errorAt('/capBps')}
        hint={t('adminDistribution.capHint')}
      />
      <Field
        label={t('adminDistribution.leaderRate')}
        name="leaderPercent"
        inputMode="decimal"
        value={draft.leaderPercent}
        onChange={(e) => update({ leaderPercent: e.target.value })}
        error={errorAt('/leaderRateBps')}
        hint={t('adminDistribution.leaderRateHint')}
      />
      <div className="field">
        <label htmlFor="attribution">{t('adminDistribution.attribution')}</label>
        <select
          id="attribution"
          value={draft.attribution}
          onChange={(e) => update({ attribution: e.target.value as Attribution })}
        >
          <option value="first_binding">{t('adminDistribution.firstBinding')}</option>
          <option value="last_click">{t('adminDistribution.lastClick')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="content-credit">{t('adminDistribution.contentCredit')}</label>
        <select
          id="content-credit"
          value={draft.contentCredit}
          onChange={(e) => update({ contentCredit: e.target.value as ContentCredit })}
          aria-describedby="content-credit-hint"
          data-testid="content-credit"
        >
          <option value="sharer">{t('adminDistribution.contentCreditSharer')}</option>
          <option value="author">{t('adminDistribution.contentCreditAuthor')}</option>
          <option value="split">{t('adminDistribution.contentCreditSplit')}</option>
        </select>
        <small id="content-credit-hint" className="field-hint">
          {t('adminDistribution.contentCreditHint')}
        </small>
      </div>
      <Field
        label={t('adminDistribution.bindingDays')}
        name="bindingDays"
        inputMode="numeric"
        value={draft.bindingDays}
        onChange={(e) => update({ bindingDays: e.target.value })}
        error={errorAt('/bindingDays')}
        hint={t('adminDistribution.bindingDaysHint')}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.newUsersOnly}
            onChange={(e) => update({ newUsersOnly: e.target.checked })}
          />
          {t('adminDistribution.newUsersOnly')}
        </label>
      </div>
      <Field
        label={t('adminDistribution.minWithdrawal', { currency })}
        name="minWithdrawal"
        inputMode="decimal"
        value={draft.minWithdrawal}
        onChange={(e) => update({ minWithdrawal: e.target.value })}
        error={errorAt('/minWithdrawal')}
      />
      {clientErrors.length > 0 || (isApiError(save.error) && save.error.errors.length > 0) ? (
        <p className="alert alert-error" role="alert">
          {t('adminDistribution.fixErrors')}
        </p>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      {save.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="settings-saved">
          {t('adminDistribution.saved')}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="settings-save">
        {save.isPending ? t('common.working') : t('adminDistribution.save')}
      </button>
    </form>
  );
}
