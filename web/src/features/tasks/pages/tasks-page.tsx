import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { useDateTime } from '../../../lib/config';
import { useMyTasks } from '../api/my-tasks';
import { TaskCard } from '../components/task-card';
import { type MyTask, TASK_PERIODS } from '../types';

/** My tasks, grouped daily, weekly and one-off, each group saying when it starts again. */
export function TasksPage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const formatDate = useDateTime();
  const items = tasks.data?.items ?? [];
  const groups = TASK_PERIODS.map((period) => ({
    period,
    tasks: items.filter((task) => task.period === period),
  })).filter((g) => g.tasks.length > 0);
  const resetOf = (group: MyTask[]) => group.find((task) => task.resetsAt)?.resetsAt ?? null;

  return (
    <section className="page narrow" data-testid="tasks-page">
      <h1>{t('tasks.title')}</h1>
      <ListStatus
        pending={tasks.isPending}
        error={tasks.error}
        empty={items.length === 0}
        emptyTitle={t('tasks.none')}
        emptyTestId="tasks-empty"
      />
      {groups.map((group) => {
        const resets = resetOf(group.tasks);
        return (
          <section key={group.period} className="task-group" data-testid={`task-group-${group.period}`}>
            <div className="task-group-heading">
              <h2>{t(`tasks.periods.${group.period}`)}</h2>
              {resets ? (
                <small className="muted">{t('tasks.resets', { when: formatDate(resets) })}</small>
              ) : null}
            </div>
            <ul className="plain-list task-list">
              {group.tasks.map((task) => (
                <li key={task.id}>
                  <TaskCard task={task} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
