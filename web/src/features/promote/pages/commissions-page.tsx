import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useMyCommissions } from '../api/get-commissions';
import { CommissionRow } from '../components/commission-row';
import { COMMISSION_STATUSES } from '../types';

export function PromoteCommissionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = COMMISSION_STATUSES.find((s) => s === params.get('status'));
  const commissions = useMyCommissions(status);
  const items = allItems(commissions.data);
  return (
    <>
      <div className="chips" role="toolbar" aria-label={t('promote.filterByStatus')}>
        {[undefined, ...COMMISSION_STATUSES].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className={`chip${s === status ? ' chip-active' : ''}`}
            aria-pressed={s === status}
            onClick={() => setParams(s ? { status: s } : {})}
          >
            {s ? t(`promote.commissionStatus.${s}`) : t('catalog.all')}
          </button>
        ))}
      </div>
      <ListStatus
        pending={commissions.isPending}
        error={commissions.error}
        empty={items.length === 0}
        emptyTitle={t('promote.noCommissions')}
        emptyTestId="commissions-empty"
      >
        <p>{t('promote.noCommissionsHint')}</p>
      </ListStatus>
      <ul className="plain-list">
        {items.map((commission) => (
          <CommissionRow key={commission.id} commission={commission} />
        ))}
      </ul>
      <LoadMore pages={commissions} />
    </>
  );
}
