import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message?: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** A free-text note sent with the decision (a reason the other person reads), empty on each open. */
  note?: { label: string; testId?: string };
  /** Names the dialog (`<testId>-dialog`) and its confirm button (`<testId>-ok`). */
  testId?: string;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** A modal question on the native <dialog>, which brings focus trapping and Escape for free. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const noteId = useId();
  const [note, setNote] = useState('');
  const testId = props.testId ?? 'confirm';
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      setNote('');
      dialog.showModal();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" onCancel={props.onCancel} data-testid={`${testId}-dialog`}>
      <h2>{props.title}</h2>
      {props.message ? <p>{props.message}</p> : null}
      {props.note ? (
        <div className="field">
          <label htmlFor={noteId}>{props.note.label}</label>
          <textarea
            id={noteId}
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid={props.note.testId}
          />
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}
          onClick={() => props.onConfirm(note)}
          disabled={props.busy}
          data-testid={`${testId}-ok`}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
