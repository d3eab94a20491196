import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useMoney } from '../../../lib/config';
import { fieldErrorText } from '../../../lib/problem-text';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useCreateAfterSale, useQuote } from '../api/order-after-sales';
import type { AfterSaleType } from '../types';

/** What the form needs of an order: its lines and what is left of each. */
export interface RequestableOrder {
  id: string;
  items: { id: string; title: string; variantTitle: string; quantity: number; refundedQuantity?: number }[];
}

/** As the server's schema checks them (src/modules/aftersales/schemas.ts). */
const MAX_PHOTOS = 9;
const REASON_MAX = 500;
const PHOTO = /^https?:\/\/\S+$/;
const PHOTO_MAX = 2000;

/**
 * Asking for a refund or a return: choose items and quantities, say why, optionally link photos.
 * The amount shown is the server's quote for exactly those units, so it is what will be refunded.
 */
export function AfterSaleForm(props: { order: RequestableOrder; type: AfterSaleType; onDone: () => void }) {
  const { order, type, onDone } = props;
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const reasonId = useId();
  const photosId = useId();
  const lines = order.items
    .map((item) => ({ ...item, left: item.quantity - (item.refundedQuantity ?? 0) }))
    .filter((item) => item.left > 0);
  const [chosen, setChosen] = useState<Record<string, number>>(() =>
    Object.fromEntries(lines.map((l) => [l.id, l.left])),
  );
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState('');
  const items = Object.entries(chosen)
    .filter(([, quantity]) => quantity > 0)
    .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  const quote = useQuote(order.id, items, true);
  const create = useCreateAfterSale(order.id);
  const photoUrls = photos
    .split(/\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const serverFieldError = useFieldErrors(create.error);
  // The same checks and the same texts as the server's field errors, before sending.
  const photoRule =
    photoUrls.length > MAX_PHOTOS
      ? { rule: 'maxItems', params: { limit: MAX_PHOTOS } }
      : photoUrls.some((url) => url.length < 8 || url.length > PHOTO_MAX || !PHOTO.test(url))
        ? { rule: 'pattern' }
        : null;
  const photoError = photoRule
    ? fieldErrorText({ path: '/photos', message: '', ...photoRule }, { i18n, money })
    : serverFieldError('/photos');
  const reasonError = serverFieldError('/reason');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (items.length === 0 || !reason.trim() || photoRule) return;
    create.mutate(
      { type, reason: reason.trim(), items, ...(photoUrls.length ? { photos: photoUrls } : {}) },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="card after-sale-form" onSubmit={submit} data-testid="after-sale-form">
      <h2>{t(`afterSales.ask.${type}`)}</h2>
      <fieldset>
        <legend>{t('afterSales.whichItems')}</legend>
        {lines.map((line) => (
          <div className="after-sale-line" key={line.id}>
            <label>
              <input
                type="checkbox"
                checked={(chosen[line.id] ?? 0) > 0}
                onChange={(e) => setChosen({ ...chosen, [line.id]: e.target.checked ? line.left : 0 })}
                data-testid="after-sale-item"
              />
              <span>
                {line.title}
                {line.variantTitle ? <span className="muted"> · {line.variantTitle}</span> : null}
              </span>
            </label>
            <select
              aria-label={t('afterSales.quantity')}
              value={chosen[line.id] ?? 0}
              onChange={(e) => setChosen({ ...chosen, [line.id]: Number(e.target.value) })}
              data-testid="after-sale-quantity"
            >
              {Array.from({ length: line.left + 1 }, (_, n) => `${n}`).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={reasonId}>{t('afterSales.reason')}</label>
        <textarea
          id={reasonId}
          required
          maxLength={REASON_MAX}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          data-testid="after-sale-reason"
        />
        {reasonError ? <small className="field-error">{reasonError}</small> : null}
      </div>
      <div className="field">
        <label htmlFor={photosId}>{t('afterSales.photos')}</label>
        <textarea
          id={photosId}
          rows={2}
          placeholder="https://…"
          value={photos}
          onChange={(e) => setPhotos(e.target.value)}
          aria-invalid={photoError ? true : undefined}
          data-testid="after-sale-photos"
        />
        <small className="field-hint">{t('afterSales.photosHint', { max: MAX_PHOTOS })}</small>
        {photoError ? (
          <small className="field-error" data-testid="after-sale-photos-error">
            {photoError}
          </small>
        ) : null}
      </div>
      <p className="after-sale-quote" data-testid="after-sale-quote">
        {items.length === 0
          ? t('afterSales.chooseItems')
          : quote.data
            ? t('afterSales.youGetBack', { amount: money(quote.data.amount) })
            : quote.isFetching
              ? t('common.loading')
              : null}
      </p>
      <ErrorMessage error={quote.error ?? (reasonError || photoError ? null : create.error)} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending || items.length === 0 || !reason.trim() || photoRule !== null}
          data-testid="after-sale-submit"
        >
          {create.isPending ? t('common.working') : t('afterSales.send')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
