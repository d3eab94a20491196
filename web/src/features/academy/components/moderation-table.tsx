import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useAdminQuestions, useHideAnswer, useHideQuestion } from '../api/admin-academy';

/** The Q&A as the operator sees it: every question and answer, each hidden or shown with one tap. */
export function ModerationTable() {
  const { t } = useTranslation();
  const when = useDateTime();
  const list = useAdminQuestions();
  const hideQuestion = useHideQuestion();
  const hideAnswer = useHideAnswer();
  const items = allItems(list.data);
  const toggle = (hidden: boolean) => (hidden ? t('adminAcademy.show') : t('adminAcademy.hide'));
  return (
    <>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('adminAcademy.noQuestions')}
      />
      <ErrorMessage error={hideQuestion.error ?? hideAnswer.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-academy-questions">
            <thead>
              <tr>
                <th scope="col">{t('adminAcademy.post')}</th>
                <th scope="col">{t('adminAcademy.author')}</th>
                <th scope="col">{t('adminAcademy.state')}</th>
                <th scope="col">{t('adminAcademy.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.flatMap((q) => [
                <tr key={q.id} className="academy-moderation-question" data-testid="admin-academy-question">
                  <td data-label={t('adminAcademy.post')}>
                    <strong>{q.title}</strong>
                    <br />
                    <small className="muted">{when(q.createdAt)}</small>
                  </td>
                  <td data-label={t('adminAcademy.author')}>{q.author.name}</td>
                  <td data-label={t('adminAcademy.state')}>
                    {q.hidden ? t('adminAcademy.hidden') : t('adminAcademy.visible')}
                  </td>
                  <td data-label={t('adminAcademy.actions')}>
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      onClick={() => hideQuestion.mutate({ id: q.id, hidden: !q.hidden })}
                      data-testid="admin-hide-question"
                    >
                      {toggle(q.hidden)}
                    </button>
                  </td>
                </tr>,
                ...q.answers.map((a) => (
                  <tr key={a.id} className="academy-moderation-answer" data-testid="admin-academy-answer">
                    <td data-label={t('adminAcademy.answer')}>
                      ↳ {a.body.length > 140 ? `${a.body.slice(0, 140)}…` : a.body}
                      {a.id === q.bestAnswerId ? (
                        <span className="badge academy-best-badge">{t('academy.bestAnswer')}</span>
                      ) : null}
                    </td>
                    <td data-label={t('adminAcademy.author')}>{a.author.name}</td>
                    <td data-label={t('adminAcademy.state')}>
                      {a.hidden ? t('adminAcademy.hidden') : t('adminAcademy.visible')} ·{' '}
                      {t('academy.votes', { count: a.votes })}
                    </td>
                    <td data-label={t('adminAcademy.actions')}>
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => hideAnswer.mutate({ id: a.id, hidden: !a.hidden })}
                        data-testid="admin-hide-answer"
                      >
                        {toggle(a.hidden)}
                      </button>
                    </td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </>
  );
}
