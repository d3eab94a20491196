import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { isApiError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useCreateLesson, useUpdateLesson } from '../api/admin-academy';
import type { AdminLesson } from '../types';

interface LessonFormProps {
  sectionId: string;
  /** The lesson to edit; a new one without it. */
  editing?: AdminLesson;
  onDone: () => void;
}

/** The operator writes a lesson: plain text (blank lines between paragraphs), an https video, minutes. */
export function LessonForm({ sectionId, editing, onDone }: LessonFormProps) {
  const { t } = useTranslation();
  const create = useCreateLesson();
  const update = useUpdateLesson();
  const mutation = editing ? update : create;
  const errorAt = useFieldErrors(mutation.error);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [videoUrl, setVideoUrl] = useState(editing?.videoUrl ?? '');
  const [minutes, setMinutes] = useState(String(editing?.minutes ?? 5));
  const [published, setPublished] = useState(editing?.published ?? false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const fields = {
      title,
      body,
      videoUrl: videoUrl.trim() === '' ? null : videoUrl.trim(),
      minutes: Number(minutes),
      published,
    };
    if (editing) update.mutate({ id: editing.id, changes: fields }, { onSuccess: onDone });
    else create.mutate({ sectionId, ...fields }, { onSuccess: onDone });
  }

  const field = (name: string) => errorAt(`/${name}`);
  return (
    <form className="card academy-form" onSubmit={submit} noValidate data-testid="lesson-form">
      <div className={`field${field('title') ? ' field-invalid' : ''}`}>
        <label htmlFor="lesson-title">{t('adminAcademy.lessonTitle')}</label>
        <input
          id="lesson-title"
          value={title}
          maxLength={160}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="lesson-title"
        />
        {field('title') ? <small className="field-error">{field('title')}</small> : null}
      </div>
      <div className={`field${field('body') ? ' field-invalid' : ''}`}>
        <label htmlFor="lesson-body">{t('adminAcademy.lessonBody')}</label>
        <textarea
          id="lesson-body"
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="lesson-body-input"
        />
        <small className="field-hint">{t('adminAcademy.lessonBodyHint')}</small>
      </div>
      <div className={`field${field('videoUrl') ? ' field-invalid' : ''}`}>
        <label htmlFor="lesson-video">{t('adminAcademy.videoUrl')}</label>
        <input
          id="lesson-video"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.target.value)}
          data-testid="lesson-video-url"
        />
        {field('videoUrl') ? (
          <small className="field-error" data-testid="error-videoUrl">
            {t('adminAcademy.videoUrlInvalid')}
          </small>
        ) : (
          <small className="field-hint">{t('adminAcademy.videoUrlHint')}</small>
        )}
      </div>
      <div className={`field${field('minutes') ? ' field-invalid' : ''}`}>
        <label htmlFor="lesson-minutes">{t('adminAcademy.minutes')}</label>
        <input
          id="lesson-minutes"
          type="number"
          min={0}
          max={600}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="lesson-minutes"
        />
        {field('minutes') ? <small className="field-error">{field('minutes')}</small> : null}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={published}
          onChange={(e) => setPublished(e.target.checked)}
          data-testid="lesson-published"
        />
        {t('adminAcademy.published')}
      </label>
      {isApiError(mutation.error) && mutation.error.reason === 'invalid_input' ? null : (
        <ErrorMessage error={mutation.error} />
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={mutation.isPending}
          data-testid="lesson-save"
        >
          {mutation.isPending ? t('common.working') : t('adminAcademy.saveLesson')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
