import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { useUser } from '../../auth';
import { useAcademy } from '../api/get-academy';
import { AcademyTabs } from '../components/academy-tabs';

/** The academy: sections of lessons, a tick on each one finished, and how far the reader is. */
export function AcademyPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const academy = useAcademy(user?.id);
  const sections = academy.data?.items ?? [];
  const progress = academy.data?.progress;

  return (
    <section className="page narrow academy" data-testid="academy-page">
      <h1>{t('academy.title')}</h1>
      <AcademyTabs />
      <p className="muted">{t('academy.intro')}</p>
      {progress ? (
        <div className="academy-progress" data-testid="academy-progress">
          <span>{t('academy.progress', { completed: progress.completed, count: progress.total })}</span>
          <progress max={Math.max(progress.total, 1)} value={progress.completed} />
        </div>
      ) : academy.data ? (
        <p className="muted">
          <Link to={`/signin?next=${encodeURIComponent('/academy')}`}>{t('academy.signInToTrack')}</Link>
        </p>
      ) : null}
      <ListStatus
        pending={academy.isPending}
        error={academy.error}
        empty={sections.length === 0}
        emptyTitle={t('academy.noLessons')}
        emptyTestId="academy-empty"
      />
      {sections.map((section) => (
        <section className="card academy-section" key={section.id} data-testid="academy-section">
          <h2>{section.title}</h2>
          <ol className="plain-list academy-lessons">
            {section.lessons.map((lesson) => (
              <li key={lesson.id}>
                <Link
                  to={`/academy/lessons/${lesson.id}`}
                  className={`academy-lesson${lesson.completedAt ? ' academy-lesson-done' : ''}`}
                  data-testid="academy-lesson"
                >
                  <span className="academy-tick" aria-hidden="true">
                    {lesson.completedAt ? '✓' : ''}
                  </span>
                  <span className="academy-lesson-title">{lesson.title}</span>
                  <small className="muted">
                    {t('academy.minutes', { count: lesson.minutes })}
                    {lesson.hasVideo ? ` · ${t('academy.hasVideo')}` : ''}
                  </small>
                  {lesson.completedAt ? (
                    <span className="visually-hidden">{t('academy.finished')}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
