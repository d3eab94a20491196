import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useCommissionFlags, useReviewCommission } from '../api/flags';
import { type CommissionFlag, type FlaggedCommission, isRingSignal } from '../types';

/** A signal code in the operator's language (an unknown code as it is). */
export function useSignalName() {
  const { t } = useTranslation();
  return (code: string | null) =>
    isRingSignal(code)
      ? t(`fraud.signal.${code}`)
      : code === 'dispute' || code === 'low_trust'
        ? t(`payouts.holdReason.${code}`)
        : (code ?? '');
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** What a flag found, in a sentence, with a link to the matching order where there is one. */
function Evidence({ flag }: { flag: CommissionFlag }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const e = flag.evidence;
  const seen = typeof e.promoterSeenAt === 'string' ? dateTime(e.promoterSeenAt) : '';
  let sentence = '';
  switch (flag.signal) {
    case 'shared_device':
      sentence = t('fraud.evidence.shared_device', { deviceId: text(e.deviceId), time: seen });
      break;
    case 'shared_ip':
      sentence = t('fraud.evidence.shared_ip', { ip: text(e.ip), time: seen });
      break;
    case 'shared_address':
      sentence =
        e.match === 'promoter'
          ? t('fraud.evidence.shared_address_promoter')
          : t('fraud.evidence.shared_address_other');
      break;
    case 'shared_phone':
      sentence = t('fraud.evidence.shared_phone', { ending: text(e.phoneEnding) });
      break;
    case 'payment_fingerprint':
      sentence = t('fraud.evidence.payment_fingerprint', { fingerprint: text(e.fingerprint) });
      break;
    case 'own_address_customers':
      sentence = t('fraud.evidence.own_address_customers', {
        orders: text(e.orders),
        customers: text(e.customers),
      });
      break;
    case 'single_promoter_new_accounts':
      sentence = t('fraud.evidence.single_promoter_new_accounts', {
        hours: text(e.accountAgeHours),
        orders: text(e.orders),
      });
      break;
    default:
      sentence = JSON.stringify(e);
  }
  const orderId = typeof e.orderId === 'string' ? e.orderId : null;
  return (
    <span className="muted flag-evidence">
      {sentence}
      {orderId ? (
        <>
          {' · '}
          <Link to={`/admin/orders/${encodeURIComponent(orderId)}`}>{t('fraud.evidence.seeOrder')}</Link>
        </>
      ) : null}
    </span>
  );
}

/** Release or reverse a held commission, with a note. Reversing asks first. */
function ReviewControls({ commission }: { commission: FlaggedCommission }) {
  const { t } = useTranslation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const review = useReviewCommission();
  const busy = review.isPending;
  const decide = (decision: 'release' | 'reverse') =>
    review.mutate({ id: commission.id, decision, note }, { onSettled: () => setConfirming(false) });
  return (
    <div className="flag-review" data-testid="flag-review">
      <ErrorMessage error={review.error} />
      <div className="field">
        <label htmlFor={noteId}>{t('fraud.note')}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="flag-review-note"
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => decide('release')}
          data-testid="flag-release"
        >
          {t('fraud.release')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
          data-testid="flag-reverse"
        >
          {t('fraud.reverse')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('fraud.reverse')}
        message={t('fraud.confirmReverse')}
        confirmLabel={t('fraud.reverse')}
        danger
        busy={busy}
        onConfirm={() => decide('reverse')}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function FlaggedCommissionCard({
  commission: c,
  showOrder,
}: {
  commission: FlaggedCommission;
  showOrder: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const signalName = useSignalName();
  return (
    <li className="card flag-card" data-testid="flagged-commission" data-status={c.status} data-held={c.held}>
      <div className="flag-card-head">
        <strong>{c.promoter.name}</strong>
        <span className="price">{money(c.amount)}</span>
      </div>
      <p className="muted">
        {t('fraud.level', { level: c.level })} · {t(`promote.commissionStatus.${c.status}`)} ·{' '}
        {dateTime(c.createdAt)}
      </p>
      <p>
        {t('admin.buyer')}: {c.buyer.name}
        {showOrder ? (
          <>
            {' · '}
            <Link to={`/admin/orders/${encodeURIComponent(c.orderId)}`}>{t('fraud.evidence.seeOrder')}</Link>
          </>
        ) : null}
      </p>
      {c.held ? (
        <p>
          <span className="badge status-held" data-testid="flag-held">
            {t('fraud.held', { reason: signalName(c.holdReason) })}
          </span>
        </p>
      ) : null}
      {c.flags.length > 0 ? (
        <ul className="flag-list">
          {c.flags.map((f) => (
            <li key={f.signal} data-testid="flag" data-signal={f.signal}>
              <strong>{signalName(f.signal)}</strong>
              <Evidence flag={f} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('fraud.noFlags')}</p>
      )}
      {c.review ? (
        <p className="flag-decision" data-testid="flag-decision">
          {t(`fraud.decided.${c.review.decision}`, {
            name: c.review.decidedBy.name,
            time: dateTime(c.review.decidedAt),
          })}
          {c.review.note ? (
            <>
              <br />
              <q>{c.review.note}</q>
            </>
          ) : null}
        </p>
      ) : c.reviewable ? (
        <ReviewControls commission={c} />
      ) : null}
    </li>
  );
}

/** A promoter's flagged commissions, or all of an order's commissions, with flags and review. */
export function CommissionFlagsList({ filter }: { filter: { orderId: string } | { promoterId: string } }) {
  const { t } = useTranslation();
  const flags = useCommissionFlags(filter);
  const items = allItems(flags.data);
  const forOrder = 'orderId' in filter;
  return (
    <>
      <ListStatus
        pending={flags.isPending}
        error={flags.error}
        empty={items.length === 0}
        emptyTitle={forOrder ? t('fraud.noCommissions') : t('fraud.noFlags')}
      />
      {items.length > 0 ? (
        <ul className="flag-cards" data-testid="flagged-commissions">
          {items.map((c) => (
            <FlaggedCommissionCard key={c.id} commission={c} showOrder={!forOrder} />
          ))}
        </ul>
      ) : null}
      <LoadMore pages={flags} />
    </>
  );
}

/** For the admin order page: what each level earned on the order, its flags, and the review. */
export function OrderCommissionFlags({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <div className="card" data-testid="order-commission-flags">
      <h2>{t('fraud.orderTitle')}</h2>
      <CommissionFlagsList filter={{ orderId }} />
    </div>
  );
}
