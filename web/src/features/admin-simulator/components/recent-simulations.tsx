import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useSimulations } from '../api/simulations';

/** Earlier simulations, to put any of them in the A or B column again. */
export function RecentSimulations({
  shown,
  onShow,
}: {
  shown: { a: string | null; b: string | null };
  onShow: (side: 'a' | 'b', id: string) => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const list = useSimulations();
  const items = allItems(list.data);
  return (
    <section className="simulator-recent" data-testid="simulator-recent">
      <h2>{t('simulator.recent')}</h2>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={list.isSuccess && items.length === 0}
        emptyTitle={t('simulator.recentNone')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table responsive-table">
            <thead>
              <tr>
                <th>{t('simulator.recentScheme')}</th>
                <th>{t('simulator.recentPopulation')}</th>
                <th>{t('simulator.recentStatus')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((sim) => (
                <tr key={sim.id} data-testid="simulator-recent-row" data-status={sim.status}>
                  <td data-label={t('simulator.recentScheme')}>
                    {sim.scheme.name || '—'} · {sim.scheme.policyProfile}
                    <small className="muted muted-block">{dateTime(sim.createdAt)}</small>
                  </td>
                  <td data-label={t('simulator.recentPopulation')}>
                    {sim.population.kind === 'shop'
                      ? t('simulator.recentShop', { weeks: sim.weeks, runs: sim.runs })
                      : t('simulator.recentPeople', {
                          people: sim.population.people.toLocaleString(),
                          weeks: sim.weeks,
                          runs: sim.runs,
                        })}
                  </td>
                  <td data-label={t('simulator.recentStatus')}>
                    {t(`simulator.status.${sim.status}`)}
                    {sim.failure
                      ? ` (${t(`simulator.failureShort.${sim.failure}`, { defaultValue: sim.failure })})`
                      : ''}
                  </td>
                  <td data-label={t('admin.actions')}>
                    {sim.status === 'done'
                      ? (['a', 'b'] as const).map((side) => (
                          <button
                            key={side}
                            type="button"
                            className="btn btn-outline btn-small"
                            disabled={shown[side] === sim.id}
                            onClick={() => onShow(side, sim.id)}
                            data-testid={`simulator-show-${side}`}
                          >
                            {t(`simulator.showAs.${side}`)}
                          </button>
                        ))
                      : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </section>
  );
}
