import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useUser } from '../../auth';
import { useCompleteLesson } from '../api/complete-lesson';
import { useLesson } from '../api/get-lesson';
import { LessonVideo } from '../components/lesson-video';
import { PlainText } from '../components/plain-text';

/** One lesson: its text, its video, and the button that marks it finished. */
export function LessonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const lesson = useLesson(id, user?.id);
  const complete = useCompleteLesson();

  if (lesson.isPending) return <Spinner />;
  if (lesson.error || !lesson.data)
    return (
      <section className="page narrow">
        <ErrorMessage error={lesson.error} />
        <Link to="/academy">{t('academy.back')}</Link>
      </section>
    );
  const l = lesson.data;
  const done = Boolean(l.completedAt) || complete.isSuccess;

  return (
    <article className="page narrow academy-lesson-page" data-testid="lesson-page">
      <Link to="/academy" className="muted">
        ← {l.sectionTitle}
      </Link>
      <h1>{l.title}</h1>
      <p className="muted">
        {t('academy.minutes', { count: l.minutes })}
        {l.published ? '' : ` · ${t('academy.unpublished')}`}
      </p>
      {l.video ? <LessonVideo video={l.video} /> : null}
      <PlainText text={l.body} testId="lesson-body" />
      <div className="academy-finish">
        {!user ? (
          <Link
            className="btn btn-outline"
            to={`/signin?next=${encodeURIComponent(`/academy/lessons/${l.id}`)}`}
          >
            {t('academy.signInToFinish')}
          </Link>
        ) : done ? (
          <p className="academy-done" role="status" data-testid="lesson-done">
            ✓ {t('academy.finished')}
          </p>
        ) : l.published ? (
          <button
            type="button"
            className="btn btn-primary btn-block"
            disabled={complete.isPending}
            onClick={() => complete.mutate(l.id)}
            data-testid="lesson-finish"
          >
            {complete.isPending ? t('common.working') : t('academy.markFinished')}
          </button>
        ) : null}
        <ErrorMessage error={complete.error} />
      </div>
      <nav className="academy-lesson-nav" aria-label={t('academy.lessons')}>
        {l.previousLessonId ? (
          <Link to={`/academy/lessons/${l.previousLessonId}`}>← {t('academy.previous')}</Link>
        ) : (
          <span />
        )}
        {l.nextLessonId ? (
          <Link to={`/academy/lessons/${l.nextLessonId}`} data-testid="lesson-next">
            {t('academy.next')} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
