import { useTranslation } from 'react-i18next';

interface QuantityStepperProps {
  value: number;
  max: number;
  onChange: (value: number) => void;
  testId?: string;
}

/** 1..max, typed or stepped; values outside the range snap to it. */
export function QuantityStepper({ value, max, onChange, testId = 'quantity' }: QuantityStepperProps) {
  const { t } = useTranslation();
  const clamp = (n: number) => Math.max(1, Math.min(max, Number.isFinite(n) ? Math.trunc(n) : 1));
  return (
    <div className="stepper" data-testid={testId}>
      <button
        type="button"
        onClick={() => onChange(clamp(value - 1))}
        disabled={value <= 1}
        aria-label={t('catalog.decrease')}
      >
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={value}
        aria-label={t('catalog.quantity')}
        onChange={(e) => onChange(clamp(Number(e.target.value)))}
      />
      <button
        type="button"
        onClick={() => onChange(clamp(value + 1))}
        disabled={value >= max}
        aria-label={t('catalog.increase')}
      >
        +
      </button>
    </div>
  );
}
