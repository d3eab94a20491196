import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyTask } from '../types';
import { TASK_PLACES } from './task-links';

/** One task: its progress as a bar and "2 / 3", the reward, and a way to go and do it (or done). */
export function TaskCard({ task }: { task: MyTask }) {
  const { t } = useTranslation();
  const done = task.status === 'completed';
  const percent = Math.round((Math.min(task.progress, task.target) / task.target) * 100);
  const count = t('tasks.progress', { progress: task.progress, target: task.target });
  return (
    <article
      className={`card task-card${done ? ' task-done' : ''}`}
      data-testid="task"
      data-task-id={task.id}
    >
      <div className="task-main">
        <h3 className="task-title">{task.title}</h3>
        <p className="task-reward" data-testid="task-reward">
          {task.reward.points > 0 ? (
            <span className="badge">{t('tasks.rewardPoints', { count: task.reward.points })}</span>
          ) : null}
          {task.reward.couponTitle ? (
            <span className="badge">{t('tasks.rewardCoupon', { title: task.reward.couponTitle })}</span>
          ) : null}
        </p>
        <div
          className="task-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={task.target}
          aria-valuenow={task.progress}
          aria-label={count}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <small className="muted" data-testid="task-progress">
          {count}
        </small>
      </div>
      <div className="task-action">
        {done ? (
          <span className="badge badge-success" data-testid="task-done">
            {t('tasks.done')}
          </span>
        ) : (
          <Link className="btn btn-primary btn-small" to={TASK_PLACES[task.kind]} data-testid="task-go">
            {t('tasks.go')}
          </Link>
        )}
      </div>
    </article>
  );
}
