import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useRewardCoupons } from '../api/reward-coupons';
import { useSaveTask } from '../api/save-task';
import { TASK_KINDS, TASK_PERIODS, type Task, type TaskKind, type TaskPeriod } from '../types';
import { type DraftProblem, draftOf, type TaskDraft, toTaskInput } from './task-draft';

/** The server's own rules about tasks, worded here (the generic wording would be vague). */
const TASK_RULES = ['onlyOnce', 'onlyOne', 'required', 'unknown'] as const;

export function TaskForm({ task }: { task?: Task }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveTask();
  const coupons = useRewardCoupons();
  const [draft, setDraft] = useState<TaskDraft>(() => draftOf(task));
  const [clientErrors, setClientErrors] = useState<{ path: string; problem: DraftProblem }[]>([]);
  const update = (patch: Partial<TaskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const serverFieldError = useFieldErrors(save.error);

  function errorAt(path: string): string | undefined {
    const own = clientErrors.find((e) => e.path === path);
    if (own) return t(`adminTasks.errors.${own.problem}`);
    const rule = isApiError(save.error) ? save.error.fieldError(path)?.rule : undefined;
    const known = TASK_RULES.find((r) => r === rule);
    if (known) return t(`adminTasks.errors.${known}`);
    return serverFieldError(path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = toTaskInput(draft);
    setClientErrors(errors);
    if (!input) return;
    save.mutate({ id: task?.id, input }, { onSuccess: () => navigate('/admin/tasks') });
  }

  const number = (name: 'target' | 'rewardPoints' | 'position', label: string) => (
    <Field
      label={label}
      name={name}
      inputMode="numeric"
      value={draft[name]}
      onChange={(e) => update({ [name]: e.target.value })}
      error={errorAt(`/${name}`)}
    />
  );

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="task-form">
      <Field
        label={t('adminTasks.form.title')}
        name="title"
        value={draft.title}
        onChange={(e) => update({ title: e.target.value })}
        error={errorAt('/title')}
        hint={t('adminTasks.form.titleHint')}
      />
      <div className="form-row">
        <div className="field">
          <label htmlFor="task-kind">{t('adminTasks.form.kind')}</label>
          <select
            id="task-kind"
            name="kind"
            value={draft.kind}
            onChange={(e) => update({ kind: e.target.value as TaskKind })}
          >
            {TASK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`tasks.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errorAt('/period') ? ' field-invalid' : ''}`}>
          <label htmlFor="task-period">{t('adminTasks.form.period')}</label>
          <select
            id="task-period"
            name="period"
            value={draft.period}
            onChange={(e) => update({ period: e.target.value as TaskPeriod })}
          >
            {TASK_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`adminTasks.periods.${period}`)}
              </option>
            ))}
          </select>
          {errorAt('/period') ? (
            <small className="field-error" data-testid="error-period">
              {errorAt('/period')}
            </small>
          ) : null}
        </div>
      </div>
      <div className="form-row">
        {number('target', t('adminTasks.form.target'))}
        {number('rewardPoints', t('adminTasks.form.rewardPoints'))}
        {number('position', t('adminTasks.form.position'))}
      </div>
      <div className={`field${errorAt('/couponTemplateId') ? ' field-invalid' : ''}`}>
        <label htmlFor="task-coupon">{t('adminTasks.form.coupon')}</label>
        <select
          id="task-coupon"
          name="couponTemplateId"
          value={draft.couponTemplateId}
          onChange={(e) => update({ couponTemplateId: e.target.value })}
        >
          <option value="">{t('adminTasks.form.noCoupon')}</option>
          {(coupons.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        {errorAt('/couponTemplateId') ? (
          <small className="field-error">{errorAt('/couponTemplateId')}</small>
        ) : null}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => update({ active: e.target.checked })}
        />
        {t('adminTasks.form.active')}
      </label>
      <ErrorMessage error={save.error} />
      <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="save-task">
        {save.isPending ? t('common.working') : t('adminTasks.form.save')}
      </button>
    </form>
  );
}
