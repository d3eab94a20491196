import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { useDateTime } from '../../../lib/config';
import { useRetrain, useTrainings } from '../api/recommendations';
import type { Training } from '../types';

const MB = 1024 * 1024;
const percent = (value: number | null | undefined) => (value == null ? '–' : `${(value * 100).toFixed(1)} %`);
const megabytes = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / MB).toFixed(1)} MB`);
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The recommender's last training in full (when, how long, memory, held-out Recall), the ones before, and "retrain now". */
export function AdminRecommendationsPage() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const trainings = useTrainings();
  const retrain = useRetrain();
  const items = trainings.data?.items ?? [];
  const last = items.find((i) => i.status === 'done');
  return (
    <section className="page" data-testid="admin-recommendations">
      <h1>{t('adminRecommendations.title')}</h1>
      <p className="muted">{t('adminRecommendations.intro')}</p>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="retrain"
        disabled={retrain.isPending}
        onClick={() => retrain.mutate()}
      >
        {t('adminRecommendations.retrain')}
      </button>
      {retrain.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="retrain-queued">
          {t('adminRecommendations.queued')}
        </p>
      ) : null}
      <ErrorMessage error={retrain.error} />
      <ListStatus
        pending={trainings.isPending}
        error={trainings.error}
        empty={trainings.isSuccess && items.length === 0}
        emptyTitle={t('adminRecommendations.none')}
      />
      {last ? <LastTraining training={last} /> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table responsive-table">
            <thead>
              <tr>
                <th>{t('adminRecommendations.startedAt')}</th>
                <th>{t('adminRecommendations.status')}</th>
                <th>{t('adminRecommendations.duration')}</th>
                <th>{t('adminRecommendations.recall', { k: 10 })}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((training) => (
                <tr key={training.id} data-testid="training-row" data-status={training.status}>
                  <td data-label={t('adminRecommendations.startedAt')}>{dateTime(training.startedAt)}</td>
                  <td data-label={t('adminRecommendations.status')}>
                    {t(`adminRecommendations.statuses.${training.status}`)}
                    {training.error ? <small className="muted"> {training.error}</small> : null}
                  </td>
                  <td data-label={t('adminRecommendations.duration')}>{seconds(training.durationMs)}</td>
                  <td data-label={t('adminRecommendations.recall', { k: 10 })}>
                    {percent(training.evaluation?.recall)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function LastTraining({ training }: { training: Training }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const e = training.evaluation;
  const k = e?.k ?? 10;
  return (
    <dl className="facts" data-testid="last-training">
      <dt>{t('adminRecommendations.finishedAt')}</dt>
      <dd>{training.finishedAt ? dateTime(training.finishedAt) : '–'}</dd>
      <dt>{t('adminRecommendations.duration')}</dt>
      <dd data-testid="training-duration">{seconds(training.durationMs)}</dd>
      <dt>{t('adminRecommendations.memory')}</dt>
      <dd>
        {t('adminRecommendations.memoryValue', {
          model: megabytes(training.modelBytes),
          heap: megabytes(training.heapBytes),
        })}
      </dd>
      <dt>{t('adminRecommendations.size')}</dt>
      <dd>
        {t('adminRecommendations.sizeValue', {
          users: training.users ?? 0,
          items: training.items ?? 0,
          interactions: training.interactions ?? 0,
        })}
      </dd>
      <dt>{t('adminRecommendations.model')}</dt>
      <dd>{training.model ?? '–'}</dd>
      <dt>{t('adminRecommendations.recall', { k })}</dt>
      <dd data-testid="training-recall">
        {e?.testUsers
          ? t('adminRecommendations.recallValue', {
              recall: percent(e.recall),
              popular: percent(e.popularRecall),
              count: e.testUsers,
              cutoff: e.cutoff ? dateTime(e.cutoff) : '–',
            })
          : t('adminRecommendations.noHeldOut')}
      </dd>
    </dl>
  );
}
