import { useTranslation } from 'react-i18next';
import { useDateTime, useMoney } from '../../../lib/config';
import { isRingSignal } from '../../../lib/ring-signals';
import type { Commission } from '../types';

/** A hold reason code in the reader's language; a code this app does not know gets the general hint. */
export function useHoldReasonText() {
  const { t } = useTranslation();
  return (reason: string | null) =>
    isRingSignal(reason)
      ? t(`fraud.holdReason.${reason}`)
      : reason === 'dispute' || reason === 'low_trust'
        ? t(`payouts.holdReason.${reason}`)
        : t('promote.heldHint');
}

/** One commission: what it pays, for whose purchase, and where it is in its life. */
export function CommissionRow({ commission }: { commission: Commission }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const holdReasonText = useHoldReasonText();
  return (
    <li
      className="list-row"
      data-testid="commission-row"
      data-status={commission.status}
      data-amount={commission.amount}
      data-role={commission.role}
    >
      <div className="list-row-main">
        <strong>{t('promote.commissionFrom', { name: commission.buyer.name })}</strong>
        <span className="muted">
          {/* A leader's commission is for handing goods out at the pickup point, not a referral level. */}
          {commission.role === 'leader'
            ? t('promote.leaderShare')
            : t('promote.levelBadge', { level: commission.level })}
          {/* A split: the author of the post shares level 1 with the person whose link it was. */}
          {commission.role === 'author' ? ` · ${t('promote.authorShare')}` : null} ·{' '}
          {dateTime(commission.createdAt)}
        </span>
        {commission.status === 'pending' && commission.settleAfter ? (
          <span className="muted">
            {t('promote.settlesAfter', { time: dateTime(commission.settleAfter) })}
          </span>
        ) : null}
        {commission.held ? (
          <span className="held-note" data-testid="commission-held">
            <span className="badge status-held">
              {commission.holdReason === 'dispute' ? t('promote.wallet.held') : t('promote.held')}
            </span>
            {holdReasonText(commission.holdReason)}
          </span>
        ) : null}
      </div>
      <div className="list-row-side">
        <span className={`badge status-commission-${commission.status}`}>
          {t(`promote.commissionStatus.${commission.status}`)}
        </span>
        <span className="price">{money(commission.amount)}</span>
      </div>
    </li>
  );
}
