import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';

interface PostEditorProps {
  /** A question has a title; an answer has none. */
  title?: string;
  body: string;
  /** An answer's text is required; a question's details are optional. */
  bodyRequired: boolean;
  busy: boolean;
  error: unknown;
  testId: string;
  onSave: (post: { title?: string; body: string }) => void;
  onCancel: () => void;
}

/** The author's form for changing their own question or answer in place. */
export function PostEditor(props: PostEditorProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const blank = (title !== undefined && title.trim() === '') || (props.bodyRequired && body.trim() === '');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (props.busy || blank) return;
    props.onSave(title === undefined ? { body } : { title, body });
  }

  return (
    <form className="card academy-form" onSubmit={submit} data-testid={props.testId}>
      {title !== undefined ? (
        <div className="field">
          <label htmlFor={`${props.testId}-title`}>{t('academy.questionTitle')}</label>
          <input
            id={`${props.testId}-title`}
            maxLength={160}
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid={`${props.testId}-title`}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${props.testId}-body`}>
          {title !== undefined ? t('academy.questionBody') : t('academy.yourAnswer')}
        </label>
        <textarea
          id={`${props.testId}-body`}
          rows={4}
          maxLength={5000}
          required={props.bodyRequired}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid={`${props.testId}-body`}
        />
      </div>
      <ErrorMessage error={props.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={props.busy || blank}
          data-testid={`${props.testId}-save`}
        >
          {props.busy ? t('common.working') : t('academy.saveEdit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
