import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useDeleteLesson, useDeleteSection, useUpdateLesson } from '../api/admin-academy';
import type { AdminLesson, AdminSection } from '../types';
import { LessonForm } from './lesson-form';

/** One section in the console: its lessons as a table, with adding, editing and publishing. */
export function SectionEditor({ section }: { section: AdminSection }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AdminLesson | 'new' | null>(null);
  const update = useUpdateLesson();
  const remove = useDeleteLesson();
  const removeSection = useDeleteSection();
  return (
    <section className="card academy-section-editor" data-testid="admin-academy-section">
      <h2>{section.title}</h2>
      {section.lessons.length === 0 ? <p className="muted">{t('adminAcademy.noLessons')}</p> : null}
      {section.lessons.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked">
            <thead>
              <tr>
                <th scope="col">{t('adminAcademy.lessonTitle')}</th>
                <th scope="col">{t('adminAcademy.minutes')}</th>
                <th scope="col">{t('adminAcademy.state')}</th>
                <th scope="col">{t('adminAcademy.completions')}</th>
                <th scope="col">{t('adminAcademy.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {section.lessons.map((lesson) => (
                <tr key={lesson.id} data-testid="admin-academy-lesson">
                  <td data-label={t('adminAcademy.lessonTitle')}>{lesson.title}</td>
                  <td data-label={t('adminAcademy.minutes')}>{lesson.minutes}</td>
                  <td data-label={t('adminAcademy.state')}>
                    {lesson.published ? t('adminAcademy.published') : t('adminAcademy.draft')}
                  </td>
                  <td data-label={t('adminAcademy.completions')}>{lesson.completions}</td>
                  <td data-label={t('adminAcademy.actions')}>
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      onClick={() => setEditing(lesson)}
                    >
                      {t('adminAcademy.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      disabled={update.isPending}
                      onClick={() =>
                        update.mutate({ id: lesson.id, changes: { published: !lesson.published } })
                      }
                      data-testid="admin-lesson-publish"
                    >
                      {lesson.published ? t('adminAcademy.unpublish') : t('adminAcademy.publish')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(lesson.id)}
                    >
                      {t('adminAcademy.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorMessage error={update.error ?? remove.error ?? removeSection.error} />
      {editing ? (
        <LessonForm
          key={editing === 'new' ? 'new' : editing.id}
          sectionId={section.id}
          editing={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => setEditing('new')}
            data-testid="admin-add-lesson"
          >
            {t('adminAcademy.addLesson')}
          </button>
          {section.lessons.length === 0 ? (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => removeSection.mutate(section.id)}
            >
              {t('adminAcademy.deleteSection')}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
