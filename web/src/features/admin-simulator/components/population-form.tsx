import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import type { PopulationDraft } from './draft';

type TextKey = Exclude<keyof PopulationDraft, 'degree'>;
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

/** The synthetic population both schemes are played out on, and how long and often. */
export function PopulationForm({
  draft,
  onChange,
}: {
  draft: PopulationDraft;
  onChange: (next: PopulationDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="simulator-population" data-testid="simulator-population">
      <legend>{t('simulator.population')}</legend>
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
      <div className="simulator-grid">
        {FIELDS.map(({ key, mode }) => (
          <Field
            key={key}
            label={t(`simulator.fields.${key}`)}
            name={key}
            inputMode={mode}
            value={draft[key]}
            onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
          />
        ))}
      </div>
    </fieldset>
  );
}
