import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useConfig, useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyPointsStatement } from '../api/my-points';
import { useReasonLabel } from '../components/reason-label';
import type { PointsPosting } from '../types';

/** A day in the reader's language and the operator's time zone. */
function useDay() {
  const timeZone = useConfig().data?.timeZone;
  const { i18n } = useTranslation();
  return (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

function HistoryItem({ posting }: { posting: PointsPosting }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const day = useDay();
  const reasonLabel = useReasonLabel();
  return (
    <li className="points-posting" data-testid="points-posting">
      <div>
        <span className="points-reason">{reasonLabel(posting.reason)}</span>
        <small className="muted muted-block">
          {at(posting.createdAt)}
          {posting.expiresAt && posting.delta > 0
            ? ` · ${t('pointsLedger.expiresOn', { date: day(posting.expiresAt) })}`
            : ''}
        </small>
        {posting.debtPaid > 0 ? (
          <small className="muted muted-block" data-testid="points-debt-paid">
            {t('pointsLedger.debtPaid', { points: posting.debtPaid })}
          </small>
        ) : null}
      </div>
      <strong className={posting.delta > 0 ? 'points-plus' : 'points-minus'}>
        {posting.delta > 0 ? `+${posting.delta}` : posting.delta}
      </strong>
    </li>
  );
}

export function PointsPage() {
  const { t } = useTranslation();
  const day = useDay();
  const pages = useMyPointsStatement();
  const first = pages.data?.pages[0];
  const items = allItems(pages.data);
  return (
    <section className="page narrow points-page">
      <h1>{t('pointsLedger.title')}</h1>
      {pages.isPending ? <Spinner /> : null}
      <ErrorMessage error={pages.error} />
      {first ? (
        <>
          <div className="card points-summary">
            <span className="muted">{t('pointsLedger.balance')}</span>
            <strong className="points-total" data-testid="points-page-balance">
              {t('pointsLedger.balanceValue', { count: first.balance })}
            </strong>
            {first.balance < 0 ? <p className="alert alert-warning">{t('pointsLedger.debtHint')}</p> : null}
          </div>
          <div className="card">
            <h2>{t('pointsLedger.expiringTitle')}</h2>
            {first.expiring.length > 0 ? (
              <ul className="plain-list points-expiring" data-testid="points-expiring">
                {first.expiring.map((lot) => (
                  <li key={`${lot.expiresAt}-${lot.points}`}>
                    {t('pointsLedger.expiringItem', { points: lot.points, date: day(lot.expiresAt) })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('pointsLedger.neverExpire')}</p>
            )}
          </div>
          <div className="card">
            <h2>{t('pointsLedger.historyTitle')}</h2>
            {items.length === 0 ? (
              <EmptyState title={t('pointsLedger.empty')} testId="points-empty">
                <p className="muted">{t('pointsLedger.emptyHint')}</p>
              </EmptyState>
            ) : (
              <ul className="plain-list points-postings" data-testid="points-history">
                {items.map((p) => (
                  <HistoryItem key={p.id} posting={p} />
                ))}
              </ul>
            )}
            <LoadMore pages={pages} />
          </div>
        </>
      ) : null}
    </section>
  );
}
