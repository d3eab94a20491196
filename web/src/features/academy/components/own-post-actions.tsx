import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';

interface OwnPostActionsProps {
  /** Why the post cannot be deleted now (a question with answers), or null when it can. */
  undeletable: string | null;
  deleting: boolean;
  confirmTitle: string;
  confirmMessage?: string;
  testId: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** Edit and Delete for the author of a question or an answer; deleting asks first. */
export function OwnPostActions(props: OwnPostActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={props.onEdit}
        data-testid={`${props.testId}-edit`}
      >
        {t('academy.editPost')}
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={props.undeletable !== null || props.deleting}
        title={props.undeletable ?? undefined}
        onClick={() => setConfirming(true)}
        data-testid={`${props.testId}-delete`}
      >
        {t('academy.deletePost')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={props.confirmTitle}
        message={props.confirmMessage}
        confirmLabel={t('academy.deletePost')}
        danger
        busy={props.deleting}
        testId={`${props.testId}-delete-confirm`}
        onConfirm={() => {
          setConfirming(false);
          props.onDelete();
        }}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
