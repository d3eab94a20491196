import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useUser } from '../../auth';
import { useAnswerQuestion } from '../api/answer-question';
import { useDeleteQuestion, useEditQuestion } from '../api/edit-posts';
import { useQuestion } from '../api/get-question';
import { AnswerCard } from '../components/answer-card';
import { OwnPostActions } from '../components/own-post-actions';
import { PlainText } from '../components/plain-text';
import { PostEditor } from '../components/post-editor';
import type { Question } from '../types';

function AnswerForm({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const answer = useAnswerQuestion(questionId);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (answer.isPending || body.trim() === '') return;
    answer.mutate(body, { onSuccess: () => setBody('') });
  }
  return (
    <form className="card academy-form" onSubmit={submit} data-testid="answer-form">
      <div className="field">
        <label htmlFor="answer-body">{t('academy.yourAnswer')}</label>
        <textarea
          id="answer-body"
          rows={4}
          maxLength={5000}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="answer-body"
        />
      </div>
      <ErrorMessage error={answer.error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={answer.isPending}
        data-testid="answer-submit"
      >
        {answer.isPending ? t('common.working') : t('academy.postAnswer')}
      </button>
    </form>
  );
}

/**
 * The question itself; its author edits it in place, and deletes it while nobody has answered (the
 * server refuses after that, since other people's answers would go with it).
 */
function QuestionHead({ q }: { q: Question }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const navigate = useNavigate();
  const edit = useEditQuestion(q.id);
  const remove = useDeleteQuestion(q.id);
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <PostEditor
        title={q.title}
        body={q.body}
        bodyRequired={false}
        busy={edit.isPending}
        error={edit.error}
        testId="question-editor"
        onSave={(changes) => edit.mutate(changes, { onSuccess: () => setEditing(false) })}
        onCancel={() => setEditing(false)}
      />
    );
  return (
    <>
      <h1 data-testid="question-title">{q.title}</h1>
      <small className="muted">
        {q.mine ? t('academy.you') : q.author.name} · {when(q.createdAt)}
        {q.editedAt ? ` · ${t('academy.edited')}` : ''}
      </small>
      {q.body ? <PlainText text={q.body} /> : null}
      {q.mine ? (
        <div className="academy-answer-actions">
          <OwnPostActions
            undeletable={q.answers.length > 0 ? t('academy.questionAnswered') : null}
            deleting={remove.isPending}
            confirmTitle={t('academy.deleteQuestionTitle')}
            testId="question"
            onEdit={() => setEditing(true)}
            onDelete={() => remove.mutate(undefined, { onSuccess: () => navigate('/academy/questions') })}
          />
        </div>
      ) : null}
      <ErrorMessage error={remove.error} />
    </>
  );
}

/** A question with its answers, best first; answering, voting and marking the best. */
export function QuestionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const question = useQuestion(id, user?.id);

  if (question.isPending) return <Spinner />;
  if (question.error || !question.data)
    return (
      <section className="page narrow">
        <ErrorMessage error={question.error} />
        <Link to="/academy/questions">{t('academy.backToBoard')}</Link>
      </section>
    );
  const q = question.data;
  return (
    <article className="page narrow academy" data-testid="question-page">
      <Link to="/academy/questions" className="muted">
        ← {t('academy.backToBoard')}
      </Link>
      <QuestionHead q={q} />
      <h2>{t('academy.answerCount', { count: q.answers.length })}</h2>
      {q.answers.length === 0 ? <p className="muted">{t('academy.noAnswers')}</p> : null}
      <ul className="plain-list academy-answers">
        {q.answers.map((a) => (
          <AnswerCard
            key={a.id}
            questionId={q.id}
            answer={a}
            signedIn={Boolean(user)}
            canMarkBest={q.canMarkBest}
          />
        ))}
      </ul>
      {user ? (
        <AnswerForm questionId={q.id} />
      ) : (
        <Link
          className="btn btn-outline"
          to={`/signin?next=${encodeURIComponent(`/academy/questions/${q.id}`)}`}
        >
          {t('academy.signInToAnswer')}
        </Link>
      )}
    </article>
  );
}
