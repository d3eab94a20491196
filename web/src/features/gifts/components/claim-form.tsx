import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { type FieldError, isApiError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import {
  type AddressChoice,
  AddressPicker,
  draftErrors,
  EMPTY_DRAFT,
  type TypedAddress,
  toNewAddress,
  useCreateAddress,
} from '../../addresses';
import { useClaimGift } from '../api/gifts';
import type { ClaimAddress } from '../types';

/**
 * The recipient's address for the gift, with checkout's own picker: a saved address, or a new one
 * typed here (saved to the account first, as checkout does, unless the book is full).
 */
export function ClaimForm({ token, onClaimed }: { token: string; onClaimed: (orderId: string) => void }) {
  const { t } = useTranslation();
  const claim = useClaimGift(token);
  const createAddress = useCreateAddress();
  const [choice, setChoice] = useState<AddressChoice>(null);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [checked, setChecked] = useState<FieldError[]>([]);
  // A typed address's server errors come at /address/…; the picker's fields are named without it.
  const serverErrorAt = useFieldErrors(claim.error);
  const draftErrorAt = useFieldErrors(createAddress.error, checked);
  const errorAt = (path: string) => draftErrorAt(path) ?? serverErrorAt(`/address${path}`);
  const pending = claim.isPending || createAddress.isPending;
  const saving = useRef(false);

  function send(address: ClaimAddress) {
    claim.mutate(address, { onSuccess: (claimed) => onClaimed(claimed.orderId) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || choice === null) return;
    if (choice.kind === 'saved') return send({ addressId: choice.id });
    const problems = draftErrors(draft);
    setChecked(problems);
    if (problems.length > 0) return;
    const typed: TypedAddress = toNewAddress(draft);
    if (!choice.save) return send(typed);
    if (saving.current) return;
    saving.current = true;
    createAddress.mutate(toNewAddress(draft), {
      onSettled: () => {
        saving.current = false;
      },
      onSuccess: (saved) => {
        setChoice({ kind: 'saved', id: saved.id });
        setDraft(EMPTY_DRAFT);
        send({ addressId: saved.id });
      },
    });
  }

  const error = claim.error ?? createAddress.error;
  const fieldErrorsShown = isApiError(error) && error.reason === 'invalid_input' && error.errors.length > 0;
  return (
    <form className="gift-claim-form" onSubmit={submit} noValidate data-testid="gift-claim-form">
      <AddressPicker
        choice={choice}
        onChoose={setChoice}
        draft={draft}
        onDraftChange={setDraft}
        errorAt={errorAt}
      />
      {fieldErrorsShown ? null : <ErrorMessage error={error} />}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={pending || choice === null}
        data-testid="gift-claim-submit"
      >
        {pending ? t('common.working') : t('gifts.claim.submit')}
      </button>
    </form>
  );
}
