import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { purchaseIntent } from '../../cart';
import { useHelpBargain } from '../api/bargain';
import type { Bargain, BargainStatus } from '../types';
import { bargainPurchase } from './bargain-purchase';
import { canBuy, canHelp } from './bargain-state';
import { ShareBargain } from './share-bargain';

interface ActionsProps {
  bargain: Bargain;
  /** The status as shown (an open bargain past its deadline on screen counts as expired). */
  status: BargainStatus;
  remaining: number;
}

/** What the viewer can do: its starter shares and buys, a friend helps, a guest signs in first. */
export function BargainActions({ bargain, status, remaining }: ActionsProps) {
  const { t } = useTranslation();
  const { user } = useUser();
  if (bargain.mine) return <StarterActions bargain={bargain} status={status} remaining={remaining} />;
  if (user) return <FriendActions bargain={bargain} status={status} />;
  return status === 'open' ? (
    <SignInToHelp bargainId={bargain.id} />
  ) : (
    <p className="muted">{t('bargain.noMoreHelp')}</p>
  );
}

function StarterActions({ bargain, status, remaining }: ActionsProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  return (
    <div className="group-actions bargain-actions">
      {bargain.orderId ? (
        <Link className="btn btn-primary" to={`/orders/${bargain.orderId}`} data-testid="bargain-order">
          {t('bargain.viewOrder')}
        </Link>
      ) : null}
      {canBuy(bargain, remaining) ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate(purchaseIntent.save(bargainPurchase(bargain)))}
          data-testid="bargain-buy"
        >
          {t('bargain.buy', { price: money(bargain.price) })}
        </button>
      ) : null}
      {status === 'open' && !bargain.orderId ? <ShareBargain bargain={bargain} /> : null}
    </div>
  );
}

function FriendActions({ bargain, status }: Omit<ActionsProps, 'remaining'>) {
  const { t } = useTranslation();
  const money = useMoney();
  const help = useHelpBargain(bargain.id);
  // Right after helping, the answer's cut; on a later visit, the help in the list.
  const yourCut = help.data?.cut ?? bargain.helps.find((h) => h.user.you)?.cut;
  if (yourCut !== undefined) {
    return (
      <p className="alert alert-success" role="status" data-testid="bargain-your-cut">
        {t('bargain.youCut', { amount: money(yourCut) })}
      </p>
    );
  }
  if (!canHelp(bargain, status)) return <p className="muted">{t('bargain.noMoreHelp')}</p>;
  return (
    <div className="group-actions bargain-actions">
      <button
        type="button"
        className="btn btn-primary"
        disabled={help.isPending}
        onClick={() => help.mutate()}
        data-testid="bargain-help"
      >
        {help.isPending ? t('common.working') : t('bargain.help')}
      </button>
      <ErrorMessage error={help.error} />
    </div>
  );
}

function SignInToHelp({ bargainId }: { bargainId: string }) {
  const { t } = useTranslation();
  const next = encodeURIComponent(`/bargains/${bargainId}`);
  return (
    <Link className="btn btn-primary" to={`/signin?next=${next}`} data-testid="bargain-sign-in">
      {t('bargain.signInToHelp')}
    </Link>
  );
}
