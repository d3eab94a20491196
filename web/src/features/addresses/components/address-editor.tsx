import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { type FieldError, isApiError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useCreateAddress, useUpdateAddress } from '../api/addresses';
import type { SavedAddress } from '../types';
import { draftErrors, draftOf, EMPTY_DRAFT, toChanges, toNewAddress } from './address-draft';
import { AddressFields } from './address-fields';

interface AddressEditorProps {
  /** The address to edit; a new one without it. */
  editing?: SavedAddress;
  onDone: (saved: SavedAddress) => void;
  onCancel?: () => void;
}

/** Adds an address to the book, or edits one, checked here first as the server checks it. */
export function AddressEditor({ editing, onDone, onCancel }: AddressEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(editing ? draftOf(editing) : EMPTY_DRAFT);
  const [checked, setChecked] = useState<FieldError[]>([]);
  const create = useCreateAddress();
  const update = useUpdateAddress();
  const mutation = editing ? update : create;
  const errorAt = useFieldErrors(mutation.error, checked);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const problems = draftErrors(draft);
    setChecked(problems);
    if (problems.length > 0) return;
    if (editing)
      update.mutate({ id: editing.id, changes: toChanges(draft) }, { onSuccess: (saved) => onDone(saved) });
    else create.mutate(toNewAddress(draft), { onSuccess: (saved) => onDone(saved) });
  }

  return (
    <form className="address-editor" onSubmit={submit} noValidate data-testid="address-editor">
      <AddressFields value={draft} onChange={setDraft} errorAt={errorAt} />
      {/* Field errors show beneath their fields; anything else (the limit) here. */}
      {isApiError(mutation.error) && mutation.error.reason === 'invalid_input' ? null : (
        <ErrorMessage error={mutation.error} />
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={mutation.isPending}
          data-testid="address-save"
        >
          {mutation.isPending ? t('common.working') : t('addresses.save')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            {t('addresses.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
