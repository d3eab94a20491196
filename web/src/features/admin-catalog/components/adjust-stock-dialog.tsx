import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-error';
import type { Variant } from '../../catalog';
import { type StockChange, useAdjustStock } from '../api/adjust-stock';

interface AdjustStockDialogProps {
  productId: string;
  variant: Variant | null;
  onClose: () => void;
}

type Mode = 'delta' | 'set';
type FormError = 'wholeNumber' | 'notZero' | 'noChange' | 'reasonRequired';

const wholeNumber = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** What the form says, as the API's body, or the field that is wrong. */
function toChange(
  mode: Mode,
  amount: string,
  reason: string,
  current: number,
): { change: StockChange } | { field: 'amount' | 'reason'; error: FormError } {
  const value = wholeNumber(amount);
  if (value === null || (mode === 'set' && value < 0)) return { field: 'amount', error: 'wholeNumber' };
  if (mode === 'delta' && value === 0) return { field: 'amount', error: 'notZero' };
  if (mode === 'set' && value === current) return { field: 'amount', error: 'noChange' };
  if (!reason.trim()) return { field: 'reason', error: 'reasonRequired' };
  return {
    change:
      mode === 'delta'
        ? { delta: value, reason: reason.trim() }
        : // Compare-and-set against the stock the operator is looking at: a sale in between is a 409.
          { expected: current, stock: value, reason: reason.trim() },
  };
}

/** "Adjust stock" for one variant: a delta or a new figure, with a reason, on the native <dialog>. */
export function AdjustStockDialog({ productId, variant, onClose }: AdjustStockDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const adjust = useAdjustStock();
  const [mode, setMode] = useState<Mode>('delta');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<{ field: 'amount' | 'reason'; error: FormError } | null>(null);
  const { reset } = adjust;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (variant && !dialog.open) {
      setMode('delta');
      setAmount('');
      setReason('');
      setInvalid(null);
      reset();
      dialog.showModal();
    }
    if (!variant && dialog.open) dialog.close();
  }, [variant, reset]);

  if (!variant) return <dialog ref={ref} className="dialog" />;
  const current = variant.stock;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!variant) return;
    const parsed = toChange(mode, amount, reason, current);
    if ('error' in parsed) {
      setInvalid(parsed);
      return;
    }
    setInvalid(null);
    adjust.mutate({ productId, variantId: variant.id, change: parsed.change }, { onSuccess: onClose });
  }

  const serverError = adjust.error;
  const knownRefusal = isApiError(serverError, 409)
    ? t('stock.errors.moved')
    : isApiError(serverError, 422)
      ? t((wholeNumber(amount) ?? 0) < 0 ? 'stock.errors.belowZero' : 'stock.errors.tooMuch')
      : null;
  const errorOf = (field: 'amount' | 'reason') =>
    invalid?.field === field ? t(`stock.errors.${invalid.error}`) : undefined;

  return (
    <dialog ref={ref} className="dialog stock-dialog" onCancel={onClose} data-testid="adjust-stock-dialog">
      <form onSubmit={submit} noValidate>
        <h2>{t('stock.dialogTitle', { name: variant.title || variant.sku })}</h2>
        <p className="stock-current" data-testid="adjust-stock-current">
          {t('stock.current', { count: current })}
        </p>
        <fieldset className="stock-modes">
          <legend>{t('stock.mode')}</legend>
          {(['delta', 'set'] as const).map((m) => (
            <label key={m} className="stock-mode">
              <input
                type="radio"
                name="stock-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                data-testid={`adjust-stock-mode-${m}`}
              />
              {t(m === 'delta' ? 'stock.modeDelta' : 'stock.modeSet')}
            </label>
          ))}
        </fieldset>
        <Field
          label={t(mode === 'delta' ? 'stock.delta' : 'stock.set')}
          name="amount"
          inputMode={mode === 'delta' ? 'text' : 'numeric'}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={t(mode === 'delta' ? 'stock.deltaHint' : 'stock.setHint')}
          error={errorOf('amount')}
          data-testid="adjust-stock-amount"
          autoFocus
        />
        <Field
          label={t('stock.reason')}
          name="reason"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          hint={t('stock.reasonHint')}
          error={errorOf('reason')}
          data-testid="adjust-stock-reason"
        />
        {knownRefusal ? (
          <p className="alert alert-error" role="alert" data-testid="adjust-stock-refused">
            {knownRefusal}
          </p>
        ) : (
          <ErrorMessage error={serverError} />
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={adjust.isPending}
            data-testid="adjust-stock-save"
          >
            {adjust.isPending ? t('common.working') : t('stock.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
