import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useAddresses, useDeleteAddress, useMakeDefaultAddress } from '../api/addresses';
import type { SavedAddress } from '../types';
import { AddressEditor } from './address-editor';
import { AddressText } from './address-text';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; address: SavedAddress };

/** The account page's address book: add, edit, delete, and choose the default. */
export function AddressBookCard() {
  const { t } = useTranslation();
  const book = useAddresses();
  const makeDefault = useMakeDefaultAddress();
  const remove = useDeleteAddress();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [deleting, setDeleting] = useState<SavedAddress | null>(null);
  const items = book.data?.items ?? [];
  const full = book.data ? items.length >= book.data.max : false;
  const close = () => setEditing({ mode: 'closed' });

  return (
    <section className="card address-book" data-testid="address-book" aria-labelledby="address-book-title">
      <h2 id="address-book-title">{t('addresses.title')}</h2>
      {book.isPending ? <Spinner /> : null}
      <ErrorMessage error={book.error ?? makeDefault.error ?? remove.error} />
      {book.isSuccess && items.length === 0 && editing.mode === 'closed' ? (
        <p className="muted">{t('addresses.none')}</p>
      ) : null}
      <ul className="address-list">
        {items.map((address) =>
          editing.mode === 'edit' && editing.address.id === address.id ? (
            <li key={address.id}>
              <AddressEditor editing={address} onDone={close} onCancel={close} />
            </li>
          ) : (
            <li key={address.id} className="address-entry" data-testid="address-entry">
              <AddressText address={address} />
              <div className="address-actions">
                {address.isDefault ? (
                  <span className="badge" data-testid="address-default">
                    {t('addresses.default')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    disabled={makeDefault.isPending}
                    onClick={() => makeDefault.mutate(address.id)}
                    data-testid="address-make-default"
                  >
                    {t('addresses.makeDefault')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setEditing({ mode: 'edit', address })}
                  data-testid="address-edit"
                >
                  {t('addresses.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setDeleting(address)}
                  data-testid="address-delete"
                >
                  {t('addresses.delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing.mode === 'new' ? (
        <AddressEditor onDone={close} onCancel={close} />
      ) : (
        <button
          type="button"
          className="btn btn-outline btn-block"
          disabled={full || editing.mode !== 'closed'}
          onClick={() => setEditing({ mode: 'new' })}
          data-testid="address-add"
        >
          {full ? t('addresses.full', { count: book.data?.max ?? 0 }) : t('addresses.add')}
        </button>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('addresses.deleteTitle')}
        message={t('addresses.deleteMessage')}
        confirmLabel={t('addresses.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
