import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useDateTime } from '../../../lib/config';
import { useDeleteAnswer, useEditAnswer } from '../api/edit-posts';
import { useMarkBest } from '../api/mark-best';
import { useVoteAnswer } from '../api/vote-answer';
import type { Answer } from '../types';
import { OwnPostActions } from './own-post-actions';
import { PlainText } from './plain-text';
import { PostEditor } from './post-editor';

interface AnswerCardProps {
  questionId: string;
  answer: Answer;
  signedIn: boolean;
  canMarkBest: boolean;
}

/**
 * One answer: who wrote it, its votes (a toggle, never for one's own), the best mark, and for its
 * author an edit in place and a delete.
 */
export function AnswerCard({ questionId, answer, signedIn, canMarkBest }: AnswerCardProps) {
  const { t } = useTranslation();
  const when = useDateTime();
  const vote = useVoteAnswer(questionId);
  const best = useMarkBest(questionId);
  const edit = useEditAnswer();
  const remove = useDeleteAnswer();
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="academy-answer" data-testid="answer">
        <PostEditor
          body={answer.body}
          bodyRequired
          busy={edit.isPending}
          error={edit.error}
          testId="answer-editor"
          onSave={({ body }) => edit.mutate({ id: answer.id, body }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className={`card academy-answer${answer.best ? ' academy-answer-best' : ''}`} data-testid="answer">
      {answer.best ? (
        <span className="badge academy-best-badge" data-testid="answer-best">
          {t('academy.bestAnswer')}
        </span>
      ) : null}
      <PlainText text={answer.body} />
      <small className="muted">
        {answer.mine ? t('academy.you') : answer.author.name} · {when(answer.createdAt)}
        {answer.editedAt ? ` · ${t('academy.edited')}` : ''}
      </small>
      <div className="academy-answer-actions">
        <button
          type="button"
          className={`btn btn-small ${answer.voted ? 'btn-primary' : 'btn-outline'}`}
          aria-pressed={answer.voted}
          disabled={!signedIn || answer.mine || vote.isPending}
          title={answer.mine ? t('academy.ownAnswer') : undefined}
          onClick={() => vote.mutate({ answerId: answer.id, up: !answer.voted })}
          data-testid="answer-vote"
        >
          ▲ {t('academy.votes', { count: answer.votes })}
        </button>
        {canMarkBest ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={best.isPending}
            onClick={() => best.mutate(answer.best ? null : answer.id)}
            data-testid="answer-mark-best"
          >
            {answer.best ? t('academy.unmarkBest') : t('academy.markBest')}
          </button>
        ) : null}
        {answer.mine ? (
          <OwnPostActions
            undeletable={null}
            deleting={remove.isPending}
            confirmTitle={t('academy.deleteAnswerTitle')}
            confirmMessage={t('academy.deleteAnswerMessage')}
            testId="answer"
            onEdit={() => setEditing(true)}
            onDelete={() => remove.mutate(answer.id)}
          />
        ) : null}
      </div>
      <ErrorMessage error={vote.error ?? best.error ?? remove.error} />
    </li>
  );
}
