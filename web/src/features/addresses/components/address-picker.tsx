import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useAddresses } from '../api/addresses';
import type { AddressDraft } from './address-draft';
import { AddressFields } from './address-fields';
import { AddressText } from './address-text';

/** Which address the order ships to: a saved one by id, or a new one typed here (saved on ordering). */
/** A new one is saved to the account, unless the book is full or did not load (`save: false`). */
export type AddressChoice = { kind: 'saved'; id: string } | { kind: 'new'; save: boolean } | null;

interface AddressPickerProps {
  choice: AddressChoice;
  onChoose: (choice: AddressChoice) => void;
  draft: AddressDraft;
  onDraftChange: (draft: AddressDraft) => void;
  /** The error of a new address's field, by JSON pointer (`/phone`). */
  errorAt: (path: string) => string | undefined;
}

/**
 * Checkout's delivery address: the saved ones with the default chosen to begin with, or a new one
 * typed inline (the form alone when the book is empty).
 */
export function AddressPicker({ choice, onChoose, draft, onDraftChange, errorAt }: AddressPickerProps) {
  const { t } = useTranslation();
  const book = useAddresses();
  const items = book.data?.items ?? [];
  const full = book.data ? items.length >= book.data.max : false;

  useEffect(() => {
    // The book did not load (a bad connection): the buyer can still type an address.
    if (choice === null && book.error) onChoose({ kind: 'new', save: false });
    if (choice !== null || !book.data) return;
    const preferred = book.data.items.find((a) => a.isDefault) ?? book.data.items[0];
    onChoose(preferred ? { kind: 'saved', id: preferred.id } : { kind: 'new', save: true });
  }, [book.data, book.error, choice, onChoose]);

  return (
    <fieldset className="address-form address-picker" data-testid="address-picker">
      <legend>{t('checkout.address')}</legend>
      {book.isPending ? <Spinner /> : null}
      {book.error ? <ErrorMessage error={book.error} /> : null}
      {items.map((address) => (
        <label key={address.id} className="address-choice" data-testid="address-choice">
          <input
            type="radio"
            name="address"
            value={address.id}
            checked={choice?.kind === 'saved' && choice.id === address.id}
            onChange={() => onChoose({ kind: 'saved', id: address.id })}
          />
          <AddressText address={address} />
          {address.isDefault ? <span className="badge">{t('addresses.default')}</span> : null}
        </label>
      ))}
      {items.length > 0 ? (
        <label className="address-choice">
          <input
            type="radio"
            name="address"
            value="new"
            checked={choice?.kind === 'new'}
            onChange={() => onChoose({ kind: 'new', save: !full })}
            data-testid="address-choice-new"
          />
          <span>{t('addresses.addNew')}</span>
        </label>
      ) : null}
      {choice?.kind === 'new' ? (
        <>
          <AddressFields value={draft} onChange={onDraftChange} errorAt={errorAt} />
          <small className="muted">
            {choice.save ? t('addresses.savedToAccount') : t('addresses.bookFull')}
          </small>
        </>
      ) : null}
    </fieldset>
  );
}
