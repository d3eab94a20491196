import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationInput } from '../../../components/duration-input';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { isApiError } from '../../../lib/api-error';
import { useCurrency, useMoney } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useVariantChoices } from '../../groupbuy/admin';
import { useCreateCampaign } from '../api/admin-bargains';
import { type CampaignDraft, campaignInput, NEW_CAMPAIGN } from './campaign-draft';

/** A new campaign: a variant, its floor, how many helps reach it, how long, and the bounds of one cut. */
export function CampaignForm() {
  const { t } = useTranslation();
  const digits = minorDigits(useCurrency());
  const money = useMoney();
  const [search, setSearch] = useState('');
  const variants = useVariantChoices(search);
  const [draft, setDraft] = useState<CampaignDraft>(NEW_CAMPAIGN);
  const [checked, setChecked] = useState<FieldError[]>([]);
  const create = useCreateCampaign();
  const errorAt = useFieldErrors(create.error, checked);
  const text = (key: 'floorPrice' | 'helpersNeeded' | 'minCut' | 'maxCut') => ({
    name: key,
    value: draft[key],
    error: errorAt(`/${key}`),
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  // Field errors show beneath their fields; only a refusal of the whole campaign shows above the button.
  const fieldErrors = isApiError(create.error) && create.error.errors.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = campaignInput(draft, digits);
    setChecked(errors);
    if (input) create.mutate(input);
  }

  return (
    <form className="card campaign-form" onSubmit={submit} noValidate data-testid="bargain-campaign-form">
      <h2>{t('adminBargains.new')}</h2>
      <label>
        {t('adminGroupBuys.findProduct')}
        <input value={search} onChange={(e) => setSearch(e.target.value)} data-testid="bargain-search" />
      </label>
      <label>
        {t('adminGroupBuys.variant')}
        <select
          value={draft.variantId}
          onChange={(e) => setDraft((d) => ({ ...d, variantId: e.target.value }))}
          data-testid="bargain-variant"
        >
          <option value="">—</option>
          {variants.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({money(v.price)})
            </option>
          ))}
        </select>
        {errorAt('/variantId') ? <small className="field-error">{errorAt('/variantId')}</small> : null}
      </label>
      <div className="form-row">
        <Field label={t('adminBargains.floorPrice')} inputMode="decimal" {...text('floorPrice')} />
        <Field label={t('adminBargains.helpersNeeded')} inputMode="numeric" {...text('helpersNeeded')} />
      </div>
      <DurationInput
        label={t('adminBargains.duration')}
        minutes={draft.durationMinutes}
        onChange={(minutes) => setDraft((d) => ({ ...d, durationMinutes: minutes }))}
        testId="bargain-duration"
      />
      {errorAt('/durationMinutes') ? (
        <small className="field-error">{errorAt('/durationMinutes')}</small>
      ) : null}
      <div className="form-row">
        <Field label={t('adminBargains.minCut')} inputMode="decimal" {...text('minCut')} />
        <Field label={t('adminBargains.maxCut')} inputMode="decimal" {...text('maxCut')} />
      </div>
      <p className="muted">
        <small>{t('adminBargains.cutsHint')}</small>
      </p>
      {fieldErrors ? null : <ErrorMessage error={create.error} />}
      {create.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="bargain-campaign-created">
          {t('adminBargains.created')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={create.isPending}
        data-testid="bargain-submit"
      >
        {create.isPending ? t('common.working') : t('adminBargains.create')}
      </button>
    </form>
  );
}
