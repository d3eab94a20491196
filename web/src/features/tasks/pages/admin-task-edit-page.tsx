import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useAdminTask } from '../api/admin-tasks';
import { TaskForm } from '../components/task-form';

export function AdminTaskNewPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('adminTasks.new')}</h1>
      <TaskForm />
    </section>
  );
}

export function AdminTaskEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const task = useAdminTask(id);
  return (
    <section>
      <h1>{t('adminTasks.edit')}</h1>
      {task.isPending ? <Spinner /> : null}
      <ErrorMessage error={task.error} />
      {task.data ? <TaskForm key={task.data.id} task={task.data} /> : null}
    </section>
  );
}
