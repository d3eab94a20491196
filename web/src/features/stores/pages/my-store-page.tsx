import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useUser } from '../../auth';
import { ShareButton } from '../../sharing';
import { useBecomeShopkeeper, useShopkeeperStanding } from '../api/become-shopkeeper';
import { useMyStore } from '../api/get-my-store';
import { ListingsEditor } from '../components/listings-editor';
import { StoreForm } from '../components/store-form';
import { isShopkeeper, type Store } from '../types';

/** Step by step: become a shopkeeper, open the store, then run it. */
export function MyStorePage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const shopkeeper = isShopkeeper(user?.roles);
  const store = useMyStore(shopkeeper);
  return (
    <section className="page narrow" data-testid="my-store-page">
      <h1>{t('stores.myStore')}</h1>
      {!shopkeeper ? <BecomeShopkeeper /> : null}
      {shopkeeper && store.isPending ? <Spinner /> : null}
      <ErrorMessage error={store.error} />
      {shopkeeper && store.data === null ? <StoreForm /> : null}
      {store.data ? <RunStore store={store.data} /> : null}
    </section>
  );
}

function BecomeShopkeeper() {
  const { t } = useTranslation();
  const apply = useBecomeShopkeeper();
  const standing = useShopkeeperStanding();
  const when = useDateTime();
  const rejected = !apply.data && standing.data?.status === 'rejected' ? standing.data : null;
  if (apply.data?.status === 'pending' || standing.data?.status === 'pending') {
    return (
      <p className="alert alert-warning" role="status" data-testid="shopkeeper-pending">
        {t('stores.applicationPending')}
      </p>
    );
  }
  return (
    <div className="card">
      {rejected ? (
        <div className="alert alert-warning" role="status" data-testid="shopkeeper-rejected">
          <p>{t('myShopkeeper.rejected', { date: rejected.decidedAt ? when(rejected.decidedAt) : '' })}</p>
          {rejected.reason ? <p>{t('myShopkeeper.rejectedReason', { reason: rejected.reason })}</p> : null}
        </div>
      ) : null}
      <h2>{t('stores.becomeTitle')}</h2>
      <p>{t('stores.becomeText')}</p>
      <ErrorMessage error={apply.error} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={apply.isPending}
        onClick={() => apply.mutate()}
        data-testid="become-shopkeeper"
      >
        {apply.isPending ? t('common.working') : rejected ? t('myShopkeeper.applyAgain') : t('stores.become')}
      </button>
    </div>
  );
}

function RunStore({ store }: { store: Store }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="card store-actions">
        <p>
          {t('stores.address')}{' '}
          <Link to={`/stores/${encodeURIComponent(store.slug)}`} data-testid="view-store">
            /stores/{store.slug}
          </Link>
        </p>
        <ShareButton target={{ storeId: store.id }} />
      </div>
      <StoreForm key={store.id} store={store} />
      <ListingsEditor storeId={store.id} />
    </>
  );
}
