import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useSaveHoldingSignals } from '../api/flags';
import { RING_SIGNALS } from '../types';

/** The operator's choice of the ring signals that hold a commission; the others are flags only. */
export function HoldingSignalsForm({ holding }: { holding: readonly string[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<readonly string[]>(holding);
  const save = useSaveHoldingSignals();
  const toggle = (signal: string, on: boolean) =>
    setChosen((now) => (on ? [...now, signal] : now.filter((s) => s !== signal)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(RING_SIGNALS.filter((s) => chosen.includes(s)));
  };
  return (
    <form className="card" onSubmit={submit} data-testid="holding-signals-form">
      <fieldset className="holding-signals">
        <legend>{t('fraud.holdingTitle')}</legend>
        <p className="muted">{t('fraud.holdingHint')}</p>
        {RING_SIGNALS.map((signal) => (
          <label key={signal} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(signal)}
              onChange={(e) => toggle(signal, e.target.checked)}
              data-testid={`holding-${signal}`}
            />
            {t(`fraud.signal.${signal}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('fraud.save')}
        </button>
        {save.isSuccess ? <span className="muted">{t('fraud.holdingSaved')}</span> : null}
      </div>
    </form>
  );
}
