import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question on the native <dialog>, which brings focus trapping and Escape for free. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" onCancel={props.onCancel} data-testid="confirm-dialog">
      <h2>{props.title}</h2>
      <p>{props.message}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}
          onClick={props.onConfirm}
          disabled={props.busy}
          data-testid="confirm-ok"
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
