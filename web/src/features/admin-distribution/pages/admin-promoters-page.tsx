import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import {
  useHeldCommissions,
  usePromoters,
  useReleaseCommission,
  useSignalledCommissions,
} from '../api/promoters';
import { CommissionFlagsList, useSignalName } from '../components/commission-flags';
import { isRingSignal } from '../types';

/** A hold reason code in the operator's language. */
function useHoldReasonText() {
  const { t } = useTranslation();
  const signalName = useSignalName();
  return (reason: string | null) =>
    isRingSignal(reason)
      ? signalName(reason)
      : reason === 'dispute' || reason === 'low_trust'
        ? t(`payouts.holdReason.${reason}`)
        : (reason ?? '');
}

export function AdminPromotersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const flaggedOnly = params.get('flagged') === 'true';
  return (
    <section>
      <h1>{t('adminDistribution.promoters')}</h1>
      <label className="checkbox toolbar">
        <input
          type="checkbox"
          checked={flaggedOnly}
          onChange={(e) => setParams(e.target.checked ? { flagged: 'true' } : {})}
          data-testid="flagged-only"
        />
        {t('adminDistribution.flaggedOnly')}
      </label>
      <PromotersTable flaggedOnly={flaggedOnly} />
      <PromoterFlags />
      <h2 className="section-title">{t('adminDistribution.heldTitle')}</h2>
      <p className="muted">{t('adminDistribution.heldHint')}</p>
      <CsvDownloadButton
        path="/api/admin/commissions/export.csv"
        query={{ held: true }}
        name="commissions-held"
        testId="held-commissions-export"
      />
      <HeldCommissions />
      <h2 className="section-title">{t('payouts.signalsTitle')}</h2>
      <p className="muted">{t('payouts.signalsHint')}</p>
      <CsvDownloadButton
        path="/api/admin/commissions/export.csv"
        query={{ signal: 'shared_ip' }}
        name="commissions-shared-ip"
        testId="signalled-commissions-export"
      />
      <SignalledCommissions />
    </section>
  );
}

function PromotersTable({ flaggedOnly }: { flaggedOnly: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const promoters = usePromoters(flaggedOnly);
  const items = allItems(promoters.data);
  const [, setParams] = useSearchParams();
  const showFlags = (id: string, name: string) =>
    setParams((params) => {
      params.set('promoter', id);
      params.set('name', name);
      return params;
    });
  return (
    <>
      <ListStatus
        pending={promoters.isPending}
        error={promoters.error}
        empty={items.length === 0}
        emptyTitle={t('adminDistribution.noPromoters')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-promoters-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('promote.commissionStatus.pending')}</th>
                <th scope="col">{t('promote.commissionStatus.settled')}</th>
                <th scope="col">{t('promote.commissionStatus.reversed')}</th>
                <th scope="col">{t('adminDistribution.customers')}</th>
                <th scope="col">{t('promote.held')}</th>
                <th scope="col">{t('fraud.flagCounts')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="admin-promoter-row">
                  <td data-label={t('adminDistribution.promoter')}>
                    {p.name}
                    <br />
                    <small className="muted">{p.email}</small>
                  </td>
                  <td data-label={t('promote.commissionStatus.pending')}>{money(p.pending)}</td>
                  <td data-label={t('promote.commissionStatus.settled')}>{money(p.settled)}</td>
                  <td data-label={t('promote.commissionStatus.reversed')}>{money(p.reversed)}</td>
                  <td data-label={t('adminDistribution.customers')}>{p.customers}</td>
                  <td data-label={t('promote.held')}>
                    {p.held > 0 ? <span className="badge status-held">{p.held}</span> : 0}
                  </td>
                  <td data-label={t('fraud.flagCounts')} data-testid="promoter-signals">
                    <FlagCounts flags={p.flags ?? {}} />
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => showFlags(p.id, p.name)}
                      data-testid="promoter-flags-open"
                    >
                      {t('fraud.viewFlags')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={promoters} />
    </>
  );
}

function HeldCommissions() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const held = useHeldCommissions();
  const release = useReleaseCommission();
  const holdReason = useHoldReasonText();
  const items = allItems(held.data);
  return (
    <>
      <ErrorMessage error={release.error} />
      <ListStatus
        pending={held.isPending}
        error={held.error}
        empty={items.length === 0}
        emptyTitle={t('adminDistribution.noHeld')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-held-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.requestedAt')}</th>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('admin.buyer')}</th>
                <th scope="col">{t('adminDistribution.amount')}</th>
                <th scope="col">{t('adminDistribution.reason')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="admin-held-row">
                  <td data-label={t('adminDistribution.requestedAt')}>{dateTime(c.createdAt)}</td>
                  <td data-label={t('adminDistribution.promoter')}>{c.promoter.name}</td>
                  <td data-label={t('admin.buyer')}>{c.buyer.name}</td>
                  <td data-label={t('adminDistribution.amount')}>
                    {money(c.amount)}{' '}
                    <small className="muted">{t('promote.levelBadge', { level: c.level })}</small>
                  </td>
                  <td data-label={t('adminDistribution.reason')}>
                    {holdReason(c.holdReason)}
                    {c.signals?.includes('shared_ip') ? (
                      <>
                        <br />
                        <small className="muted">{t('payouts.signal.shared_ip')}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('admin.actions')}>
                    {c.holdReason === 'dispute' ? (
                      <small className="muted">{t('payouts.disputeNoRelease')}</small>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small btn-outline"
                        disabled={release.isPending && release.variables === c.id}
                        onClick={() => release.mutate(c.id)}
                        data-testid="release-commission"
                      >
                        {t('adminDistribution.release')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={held} />
    </>
  );
}

/** Sales where buyer and promoter shared an address: nothing is held, the operator may look. */
function SignalledCommissions() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const signalled = useSignalledCommissions();
  const items = allItems(signalled.data);
  return (
    <>
      <ListStatus
        pending={signalled.isPending}
        error={signalled.error}
        empty={items.length === 0}
        emptyTitle={t('payouts.noSignals')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-signals-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.requestedAt')}</th>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('admin.buyer')}</th>
                <th scope="col">{t('adminDistribution.amount')}</th>
                <th scope="col">{t('admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="admin-signal-row">
                  <td data-label={t('adminDistribution.requestedAt')}>{dateTime(c.createdAt)}</td>
                  <td data-label={t('adminDistribution.promoter')}>{c.promoter.name}</td>
                  <td data-label={t('admin.buyer')}>{c.buyer.name}</td>
                  <td data-label={t('adminDistribution.amount')}>{money(c.amount)}</td>
                  <td data-label={t('admin.status')}>{t(`promote.commissionStatus.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={signalled} />
    </>
  );
}

/** How many commissions raised each signal, as small badges. */
function FlagCounts({ flags }: { flags: Record<string, number> }) {
  const signalName = useSignalName();
  const entries = Object.entries(flags).filter(([, n]) => n > 0);
  if (entries.length === 0) return <span>0</span>;
  return (
    <span className="flag-counts">
      {entries.map(([signal, n]) => (
        <span key={signal} className="badge badge-muted" data-signal={signal}>
          {signalName(signal)} {n}
        </span>
      ))}
    </span>
  );
}

/** The chosen promoter's flagged commissions, with evidence and review (`?promoter=<id>`). */
function PromoterFlags() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const promoterId = params.get('promoter');
  if (!promoterId) return null;
  const close = () =>
    setParams((p) => {
      p.delete('promoter');
      p.delete('name');
      return p;
    });
  return (
    <section className="promoter-flags" data-testid="promoter-flags">
      <div className="page-heading">
        <h2 className="section-title">{t('fraud.promoterFlags', { name: params.get('name') ?? '' })}</h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={close}>
          {t('fraud.closePromoter')}
        </button>
      </div>
      <p className="muted">{t('fraud.flagsHint')}</p>
      <CommissionFlagsList filter={{ promoterId }} />
    </section>
  );
}
