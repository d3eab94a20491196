import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { useQuestions } from '../api/get-questions';
import { AcademyTabs } from '../components/academy-tabs';
import { AskForm } from '../components/ask-form';
import type { QuestionsFilter } from '../types';

const FILTERS: QuestionsFilter[] = ['newest', 'unanswered'];

/** The Q&A board: newest or unanswered questions, and asking one. */
export function QuestionsPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [filter, setFilter] = useState<QuestionsFilter>('newest');
  const [asking, setAsking] = useState(false);
  const questions = useQuestions(filter, user?.id);
  const when = useDateTime();
  const items = allItems(questions.data);

  return (
    <section className="page narrow academy" data-testid="questions-page">
      <h1>{t('academy.title')}</h1>
      <AcademyTabs />
      <p className="muted">{t('academy.boardIntro')}</p>
      {!user ? (
        <Link className="btn btn-outline" to={`/signin?next=${encodeURIComponent('/academy/questions')}`}>
          {t('academy.signInToAsk')}
        </Link>
      ) : asking ? (
        <AskForm onCancel={() => setAsking(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-block"
          onClick={() => setAsking(true)}
          data-testid="ask-open"
        >
          {t('academy.ask')}
        </button>
      )}
      <div className="chips tabs" role="tablist" aria-label={t('academy.questions')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={f === filter}
            className={`chip${f === filter ? ' chip-active' : ''}`}
            onClick={() => setFilter(f)}
            data-testid={`questions-filter-${f}`}
          >
            {t(`academy.filter.${f}`)}
          </button>
        ))}
      </div>
      <ListStatus
        pending={questions.isPending}
        error={questions.error}
        empty={items.length === 0}
        emptyTitle={filter === 'unanswered' ? t('academy.noUnanswered') : t('academy.noQuestions')}
        emptyTestId="questions-empty"
      />
      <ul className="plain-list academy-questions">
        {items.map((q) => (
          <li key={q.id}>
            <Link
              to={`/academy/questions/${q.id}`}
              className="card academy-question-row"
              data-testid="question-row"
            >
              <span className="academy-question-title">{q.title}</span>
              <small className="muted">
                {q.mine ? t('academy.you') : q.author.name} · {when(q.createdAt)}
              </small>
              <small>
                {t('academy.answerCount', { count: q.answers })}
                {q.hasBestAnswer ? (
                  <span className="badge academy-best-badge">{t('academy.solved')}</span>
                ) : null}
              </small>
            </Link>
          </li>
        ))}
      </ul>
      <LoadMore pages={questions} />
    </section>
  );
}
