import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type DurationUnit, inLargestUnit, toMinutes } from '../lib/duration';

interface DurationInputProps {
  label: string;
  /** The duration in minutes, as the API takes it; null while what is typed is not one. */
  minutes: number | null;
  onChange: (minutes: number | null) => void;
  units?: readonly DurationUnit[];
  testId?: string;
}

/** An amount and a unit (minutes, hours, days), handed up in minutes; shown in the largest whole unit. */
export function DurationInput({
  label,
  minutes,
  onChange,
  units = DURATION_UNITS,
  testId,
}: DurationInputProps) {
  const { t } = useTranslation();
  const initial = minutes === null ? { amount: '', unit: units[0] ?? 'days' } : shown(minutes, units);
  const [amount, setAmount] = useState(String(initial.amount));
  const [unit, setUnit] = useState<DurationUnit>(initial.unit);
  const change = (nextAmount: string, nextUnit: DurationUnit) => {
    setAmount(nextAmount);
    setUnit(nextUnit);
    onChange(toMinutes(nextAmount, nextUnit));
  };
  const invalid = amount.trim() !== '' && toMinutes(amount, unit) === null;
  return (
    <fieldset className="duration-input">
      <legend>{label}</legend>
      <input
        inputMode="decimal"
        aria-label={label}
        value={amount}
        onChange={(e) => change(e.target.value, unit)}
        aria-invalid={invalid}
        data-testid={testId}
      />
      <select
        aria-label={t('duration.unit')}
        value={unit}
        onChange={(e) => change(amount, e.target.value as DurationUnit)}
        data-testid={testId ? `${testId}-unit` : undefined}
      >
        {DURATION_UNITS.filter((u) => units.includes(u)).map((u) => (
          <option key={u} value={u}>
            {t(`duration.units.${u}`)}
          </option>
        ))}
      </select>
      {invalid ? <small className="field-error">{t('duration.invalid')}</small> : null}
    </fieldset>
  );
}

const shown = (minutes: number, units: readonly DurationUnit[]) => {
  const { amount, unit } = inLargestUnit(minutes, units);
  return { amount: String(amount), unit };
};

/** "2 days", "3 hours", "90 minutes": a duration in minutes, in its largest whole unit. */
export function useDurationText() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const { amount, unit } = inLargestUnit(minutes);
    return t(`duration.${unit}`, { count: amount });
  };
}
