import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useAdminTasks } from '../api/admin-tasks';
import { useDeactivateTask } from '../api/deactivate-task';
import type { Task } from '../types';

export function AdminTasksPage() {
  const { t } = useTranslation();
  const tasks = useAdminTasks();
  const items = allItems(tasks.data);
  const deactivate = useDeactivateTask();
  const [stopping, setStopping] = useState<Task | null>(null);

  return (
    <section data-testid="admin-tasks">
      <div className="page-heading">
        <h1>{t('adminTasks.title')}</h1>
        <Link className="btn btn-primary" to="/admin/tasks/new" data-testid="admin-new-task">
          {t('adminTasks.new')}
        </Link>
      </div>
      <ListStatus
        pending={tasks.isPending}
        error={tasks.error}
        empty={items.length === 0}
        emptyTitle={t('adminTasks.none')}
      />
      <ErrorMessage error={deactivate.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-tasks-table">
            <thead>
              <tr>
                <th scope="col">{t('adminTasks.columns.title')}</th>
                <th scope="col">{t('adminTasks.columns.kind')}</th>
                <th scope="col">{t('adminTasks.columns.target')}</th>
                <th scope="col">{t('adminTasks.columns.reward')}</th>
                <th scope="col">{t('adminTasks.columns.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <tr key={task.id} data-testid="admin-task-row">
                  <td data-label={t('adminTasks.columns.title')}>
                    <Link to={`/admin/tasks/${task.id}`}>{task.title}</Link>
                  </td>
                  <td data-label={t('adminTasks.columns.kind')}>
                    {t(`tasks.kinds.${task.kind}`)}
                    <small className="muted muted-block">{t(`adminTasks.periods.${task.period}`)}</small>
                  </td>
                  <td data-label={t('adminTasks.columns.target')}>{task.target}</td>
                  <td data-label={t('adminTasks.columns.reward')}>
                    {t('tasks.rewardPoints', { count: task.rewardPoints })}
                    {task.couponTemplateId ? (
                      <small className="muted muted-block">{t('adminTasks.withCoupon')}</small>
                    ) : null}
                  </td>
                  <td data-label={t('adminTasks.columns.status')}>
                    <span className={`badge${task.active ? ' badge-success' : ' badge-muted'}`}>
                      {task.active ? t('adminTasks.active') : t('adminTasks.inactive')}
                    </span>
                  </td>
                  <td data-label={t('admin.actions')}>
                    {task.active ? (
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => setStopping(task)}
                        data-testid="deactivate-task"
                      >
                        {t('adminTasks.deactivate')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={tasks} />
      <ConfirmDialog
        open={stopping !== null}
        title={t('adminTasks.deactivate')}
        message={t('adminTasks.deactivateConfirm')}
        confirmLabel={t('adminTasks.deactivate')}
        danger
        testId="deactivate-task"
        busy={deactivate.isPending}
        onCancel={() => setStopping(null)}
        onConfirm={() => {
          if (stopping) deactivate.mutate(stopping.id, { onSettled: () => setStopping(null) });
        }}
      />
    </section>
  );
}
