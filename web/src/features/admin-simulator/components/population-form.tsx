import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import type { PopulationDraft } from './draft';
import { ShopPopulationFields } from './shop-population-fields';

type TextKey = Exclude<keyof PopulationDraft, 'degree' | 'kind' | 'shop'>;
const RUN_FIELDS: readonly TextKey[] = ['weeks', 'runs', 'seed'];
const FIELDS: readonly { key: TextKey; mode: 'numeric' | 'decimal' }[] = [
  { key: 'people', mode: 'numeric' },
  { key: 'meanDegree', mode: 'numeric' },
  { key: 'seedCustomers', mode: 'numeric' },
  { key: 'shareRate', mode: 'decimal' },
  { key: 'visitRate', mode: 'decimal' },
  { key: 'orderRate', mode: 'decimal' },
  { key: 'repeatRate', mode: 'decimal' },
  { key: 'averageOrderValue', mode: 'decimal' },
  { key: 'margin', mode: 'decimal' },
  { key: 'weeks', mode: 'numeric' },
  { key: 'runs', mode: 'numeric' },
  { key: 'seed', mode: 'numeric' },
];

/** The population both schemes are played out on (synthetic or this shop), and how long and often. */
export function PopulationForm({
  draft,
  digits,
  onChange,
}: {
  draft: PopulationDraft;
  digits: number;
  onChange: (next: PopulationDraft) => void;
}) {
  const { t } = useTranslation();
  const field = ({ key, mode }: { key: TextKey; mode: 'numeric' | 'decimal' }) => (
    <Field
      key={key}
      label={t(`simulator.fields.${key}`)}
      name={key}
      inputMode={mode}
      value={draft[key]}
      onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
    />
  );
  return (
    <fieldset className="simulator-population" data-testid="simulator-population">
      <legend>{t('simulator.population')}</legend>
      <div className="field">
        <label>
          {t('simulator.kind')}
          <select
            name="kind"
            value={draft.kind}
            onChange={(e) => onChange({ ...draft, kind: e.target.value as PopulationDraft['kind'] })}
          >
            <option value="synthetic">{t('simulator.kinds.synthetic')}</option>
            <option value="shop">{t('simulator.kinds.shop')}</option>
          </select>
        </label>
        <small className="field-hint">{t(`simulator.kindHint.${draft.kind}`)}</small>
      </div>
      {draft.kind === 'shop' ? (
        <>
          <ShopPopulationFields draft={draft} digits={digits} onChange={onChange} />
          <div className="simulator-grid">{RUN_FIELDS.map((key) => field({ key, mode: 'numeric' }))}</div>
        </>
      ) : (
        <SyntheticFields draft={draft} onChange={onChange} field={field} />
      )}
    </fieldset>
  );
}

function SyntheticFields({
  draft,
  onChange,
  field,
}: {
  draft: PopulationDraft;
  onChange: (next: PopulationDraft) => void;
  field: (f: { key: TextKey; mode: 'numeric' | 'decimal' }) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label>
          {t('simulator.degree')}
          <select
            name="degree"
            value={draft.degree}
            onChange={(e) => onChange({ ...draft, degree: e.target.value as PopulationDraft['degree'] })}
          >
            <option value="power-law">{t('simulator.degrees.power-law')}</option>
            <option value="poisson">{t('simulator.degrees.poisson')}</option>
          </select>
        </label>
        <small className="field-hint">{t(`simulator.degreeHint.${draft.degree}`)}</small>
      </div>
      <div className="simulator-grid">{FIELDS.map(field)}</div>
    </>
  );
}
