import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RejectDialogProps {
  /** Whose application; null while closed. */
  name: string | null;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Reject a shopkeeper application, with an optional reason the applicant will read. */
export function RejectDialog({ name, busy, onConfirm, onCancel }: RejectDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [reason, setReason] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (name !== null && !dialog.open) {
      setReason('');
      dialog.showModal();
    }
    if (name === null && dialog.open) dialog.close();
  }, [name]);
  return (
    <dialog ref={ref} className="dialog" onCancel={onCancel} data-testid="reject-dialog">
      <h2>{t('shopkeeperApplications.rejectTitle', { name: name ?? '' })}</h2>
      <div className="field">
        <label htmlFor={reasonId}>{t('shopkeeperApplications.rejectReason')}</label>
        <textarea
          id={reasonId}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="reject-reason"
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          onClick={() => onConfirm(reason)}
          data-testid="reject-ok"
        >
          {t('shopkeeperApplications.rejectConfirm')}
        </button>
      </div>
    </dialog>
  );
}
