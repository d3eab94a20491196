import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX } from '../types';

/** What the buyer chose at checkout: not a gift (null), or a gift with its note. */
export interface GiftChoice {
  message: string;
}

/**
 * Checkout's "Send as a gift": on, the order goes without an address (the friend gives theirs
 * when claiming it) and may carry a note for them.
 */
export function GiftToggle({
  value,
  onChange,
}: {
  value: GiftChoice | null;
  onChange: (choice: GiftChoice | null) => void;
}) {
  const { t } = useTranslation();
  const messageId = useId();
  const left = MESSAGE_MAX - (value?.message.length ?? 0);
  return (
    <fieldset className="card gift-toggle" data-testid="gift-toggle">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(event) => onChange(event.target.checked ? { message: '' } : null)}
          data-testid="gift-toggle-input"
        />{' '}
        <strong>{t('gifts.toggle')}</strong>
      </label>
      <p className="muted">{t('gifts.toggleHint')}</p>
      {value ? (
        <>
          <div className="field">
            <label htmlFor={messageId}>{t('gifts.message')}</label>
            <textarea
              id={messageId}
              value={value.message}
              maxLength={MESSAGE_MAX}
              rows={3}
              placeholder={t('gifts.messagePlaceholder')}
              onChange={(event) => onChange({ message: event.target.value })}
              data-testid="gift-message"
            />
            <small className="field-hint">{t('gifts.charsLeft', { count: left })}</small>
          </div>
          <p className="alert alert-info" data-testid="gift-no-address">
            {t('gifts.noAddressNeeded')}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
