import { useTranslation } from 'react-i18next';
import type { PayoutDetails } from '../types';

/** "Alipay · C** · **** 8000": where money goes, as masked as the server sent it. */
export function PayoutSummary({ details }: { details: PayoutDetails }) {
  const { t } = useTranslation();
  return (
    <span className="payout-summary" data-testid="payout-summary">
      <strong>{t(`payouts.method.${details.method}`)}</strong>
      {details.bankName ? ` · ${details.bankName}` : ''} · {details.holderName} · {details.account}
    </span>
  );
}
