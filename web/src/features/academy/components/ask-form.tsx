import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useAskQuestion } from '../api/ask-question';

/** Asking: a title, and details if the asker has them; the new question opens at once. */
export function AskForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ask = useAskQuestion();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ask.isPending || title.trim() === '') return;
    ask.mutate({ title, body }, { onSuccess: (q) => navigate(`/academy/questions/${q.id}`) });
  }

  return (
    <form className="card academy-form" onSubmit={submit} data-testid="ask-form">
      <div className="field">
        <label htmlFor="ask-title">{t('academy.questionTitle')}</label>
        <input
          id="ask-title"
          name="title"
          maxLength={160}
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="ask-title"
        />
      </div>
      <div className="field">
        <label htmlFor="ask-body">{t('academy.questionBody')}</label>
        <textarea
          id="ask-body"
          name="body"
          rows={4}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="ask-body"
        />
      </div>
      <ErrorMessage error={ask.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={ask.isPending} data-testid="ask-submit">
          {ask.isPending ? t('common.working') : t('academy.askSubmit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
