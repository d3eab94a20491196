import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { useCancelOrder } from '../api/cancel-order';
import { useConfirmReceipt } from '../api/confirm-receipt';
import type { Order } from '../types';

type BuyerAction = 'receipt' | 'cancel';

/** "Confirm receipt" on a shipped order and "Cancel order" on an unpaid one, each asked first. */
export function BuyerOrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const receipt = useConfirmReceipt();
  const cancel = useCancelOrder();
  const [asking, setAsking] = useState<BuyerAction | null>(null);
  const action: BuyerAction | null =
    order.status === 'shipped' ? 'receipt' : order.status === 'pending_payment' ? 'cancel' : null;
  if (!action) return null;
  const mutation = action === 'receipt' ? receipt : cancel;

  function confirm() {
    mutation.mutate(order.id, { onSettled: () => setAsking(null) });
  }

  return (
    <>
      {action === 'receipt' ? (
        <button
          type="button"
          className="btn btn-primary btn-block"
          onClick={() => setAsking('receipt')}
          data-testid="confirm-receipt"
        >
          {t('fulfilment.confirmReceipt')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-outline btn-block"
          onClick={() => setAsking('cancel')}
          data-testid="cancel-order"
        >
          {t('fulfilment.cancelOrder')}
        </button>
      )}
      <ErrorMessage error={mutation.error} />
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'cancel' ? t('fulfilment.cancelTitle') : t('fulfilment.confirmReceiptTitle')}
        message={asking === 'cancel' ? t('fulfilment.cancelText') : t('fulfilment.confirmReceiptText')}
        confirmLabel={asking === 'cancel' ? t('fulfilment.cancelConfirm') : t('fulfilment.received')}
        danger={asking === 'cancel'}
        busy={mutation.isPending}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
