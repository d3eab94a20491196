import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalDecision } from '../api/withdrawals';

interface DecisionDialogProps {
  decision: WithdrawalDecision | null;
  summary: string;
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** Approve or reject a withdrawal, with an optional note the promoter will see. */
export function DecisionDialog({ decision, summary, busy, onConfirm, onCancel }: DecisionDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const noteId = useId();
  const [note, setNote] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (decision && !dialog.open) {
      setNote('');
      dialog.showModal();
    }
    if (!decision && dialog.open) dialog.close();
  }, [decision]);
  return (
    <dialog ref={ref} className="dialog" onCancel={onCancel} data-testid="decision-dialog">
      <h2>{decision ? t(`adminDistribution.decision.${decision}`) : ''}</h2>
      <p>{summary}</p>
      <div className="field">
        <label htmlFor={noteId}>{t('adminDistribution.note')}</label>
        <textarea
          id={noteId}
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`btn ${decision === 'reject' ? 'btn-danger' : 'btn-primary'}`}
          disabled={busy}
          onClick={() => onConfirm(note)}
          data-testid="decision-ok"
        >
          {decision ? t(`adminDistribution.decision.${decision}`) : ''}
        </button>
      </div>
    </dialog>
  );
}
