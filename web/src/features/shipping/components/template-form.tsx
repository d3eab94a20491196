import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSaveTemplate } from '../api/admin-shipping';
import type { ShippingBasis, ShippingTemplate } from '../types';
import {
  draftOf,
  EMPTY_RULE,
  EMPTY_TEMPLATE,
  inputOf,
  type RuleDraft,
  type TemplateDraft,
} from './template-draft';

/** Adds or edits a shipping template: its basis, free-shipping amount, default rule and regions. */
export function TemplateForm({ template, onDone }: { template?: ShippingTemplate; onDone: () => void }) {
  const { t } = useTranslation();
  const digits = minorDigits(useCurrency());
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<TemplateDraft>(template ? draftOf(template, digits) : EMPTY_TEMPLATE);
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const errorAt = useFieldErrors(save.error, invalid);
  const set = (changes: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const setRegion = (index: number, rule: RuleDraft) =>
    set({ regions: draft.regions.map((r, i) => (i === index ? rule : r)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = inputOf(draft, digits);
    if ('invalid' in result) {
      setInvalid(result.invalid.map((path) => ({ path, message: 'invalid', rule: 'invalid' })));
      return;
    }
    setInvalid([]);
    save.mutate({ editing: template?.id, input: result.input }, { onSuccess: onDone });
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="shipping-template-form">
      <h2>
        {template ? t('adminShipping.editTitle', { name: template.name }) : t('adminShipping.addTitle')}
      </h2>
      <Field
        label={t('adminShipping.name')}
        name="name"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        error={errorAt('/name')}
      />
      <div className="field">
        <label htmlFor="shipping-basis">{t('adminShipping.basis')}</label>
        <select
          id="shipping-basis"
          name="basis"
          value={draft.basis}
          onChange={(e) => set({ basis: e.target.value as ShippingBasis })}
        >
          {(['flat', 'count', 'weight'] as const).map((b) => (
            <option key={b} value={b}>
              {t(`adminShipping.bases.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('adminShipping.freeOver')}
        name="freeOver"
        inputMode="decimal"
        value={draft.freeOver}
        hint={t('adminShipping.freeOverHint')}
        onChange={(e) => set({ freeOver: e.target.value })}
        error={errorAt('/freeOverAmount')}
      />
      <fieldset className="fieldset">
        <legend>{t('adminShipping.defaultRule')}</legend>
        <RuleFields
          rule={draft.defaultRule}
          basis={draft.basis}
          path="/defaultRule"
          errorAt={errorAt}
          onChange={(defaultRule) => set({ defaultRule })}
        />
      </fieldset>
      {draft.regions.map((region, i) => (
        // Regions have no id of their own: their place in the list is what the server names too.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <fieldset className="fieldset" key={i} data-testid="shipping-region">
          <legend>{t('adminShipping.region', { number: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={`region-${i}-provinces`}>{t('adminShipping.provinces')}</label>
            <textarea
              id={`region-${i}-provinces`}
              name={`region-${i}-provinces`}
              rows={2}
              value={region.provinces}
              onChange={(e) => setRegion(i, { ...region, provinces: e.target.value })}
            />
            <small className="field-hint">{t('adminShipping.provincesHint')}</small>
          </div>
          <RuleFields
            rule={region}
            basis={draft.basis}
            path={`/regionRules/${i}`}
            errorAt={errorAt}
            onChange={(rule) => setRegion(i, rule)}
          />
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => set({ regions: draft.regions.filter((_, j) => j !== i) })}
          >
            {t('adminShipping.removeRegion')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-outline"
        onClick={() => set({ regions: [...draft.regions, EMPTY_RULE] })}
        data-testid="add-shipping-region"
      >
        {t('adminShipping.addRegion')}
      </button>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.isDefault}
          onChange={(e) => set({ isDefault: e.target.checked })}
        />
        {t('adminShipping.isDefault')}
      </label>
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="save-shipping-template"
        >
          {save.isPending ? t('common.working') : t('adminShipping.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={onDone}>
          {t('adminShipping.cancel')}
        </button>
      </div>
    </form>
  );
}

function RuleFields({
  rule,
  basis,
  path,
  errorAt,
  onChange,
}: {
  rule: RuleDraft;
  basis: ShippingBasis;
  path: string;
  errorAt: (path: string) => string | undefined;
  onChange: (rule: RuleDraft) => void;
}) {
  const { t } = useTranslation();
  const unit = basis === 'weight' ? t('adminShipping.grams') : t('adminShipping.items');
  const name = path.replaceAll('/', '-');
  return (
    <div className="form-row">
      {basis === 'flat' ? null : (
        <Field
          label={t('adminShipping.first', { unit })}
          name={`${name}-first`}
          inputMode="numeric"
          value={rule.first}
          onChange={(e) => onChange({ ...rule, first: e.target.value })}
          error={errorAt(`${path}/first`)}
        />
      )}
      <Field
        label={basis === 'flat' ? t('adminShipping.flatFee') : t('adminShipping.firstFee')}
        name={`${name}-firstFee`}
        inputMode="decimal"
        value={rule.firstFee}
        onChange={(e) => onChange({ ...rule, firstFee: e.target.value })}
        error={errorAt(`${path}/firstFee`)}
      />
      {basis === 'flat' ? null : (
        <>
          <Field
            label={t('adminShipping.extra', { unit })}
            name={`${name}-extra`}
            inputMode="numeric"
            value={rule.extra}
            onChange={(e) => onChange({ ...rule, extra: e.target.value })}
            error={errorAt(`${path}/extra`)}
          />
          <Field
            label={t('adminShipping.extraFee')}
            name={`${name}-extraFee`}
            inputMode="decimal"
            value={rule.extraFee}
            onChange={(e) => onChange({ ...rule, extraFee: e.target.value })}
            error={errorAt(`${path}/extraFee`)}
          />
        </>
      )}
    </div>
  );
}
