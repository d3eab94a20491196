import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { ProductCard } from '../../catalog';
import { StoreOwnerBadges } from '../../honours';
import { PolicyDisclosure } from '../../policy';
import { EarnBadge, leastEarnings, useShareEarnings } from '../../share-earnings';
import { ReferralDisclosure, ShareButton } from '../../sharing';
import { useStorePage } from '../api/get-store-page';
import { storeVisit } from '../store-visit';
import type { StorePage as Store } from '../types';

export function StorePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const store = useStorePage(slug);
  if (store.isPending) return <Spinner />;
  if (isApiError(store.error, 404)) {
    return (
      <StatusPage title={t('stores.notFound')} testId="store-not-found">
        <Link className="btn btn-primary" to="/">
          {t('common.backHome')}
        </Link>
      </StatusPage>
    );
  }
  if (!store.data) return <ErrorMessage error={store.error} />;
  return <StoreFront store={store.data} />;
}

function StoreFront({ store }: { store: Store }) {
  const { t } = useTranslation();
  useEffect(() => storeVisit.remember(store.slug), [store.slug]);
  const earnings = leastEarnings(useShareEarnings(store.products.map((p) => p.id)).data);
  return (
    <section className="page store-page" data-testid="store-page">
      <ReferralDisclosure targetId={store.id} />
      <header className="store-header card">
        <ProductImage src={store.logo ?? undefined} alt={store.name} className="store-logo" sizes="64px" />
        <div className="store-heading">
          <h1 data-testid="store-name">{store.name}</h1>
          <p className="muted">{t('stores.by', { name: store.owner.name })}</p>
        </div>
        <ShareButton target={{ storeId: store.id }} />
      </header>
      <PolicyDisclosure />
      {store.intro ? <p className="description store-intro">{store.intro}</p> : null}
      <StoreOwnerBadges ownerId={store.owner.id} />
      {store.products.length === 0 ? (
        <EmptyState title={t('stores.noProducts')} testId="store-empty" />
      ) : (
        <div className="product-grid" data-testid="product-grid">
          {store.products.map((product) => (
            <ProductCard
              key={product.id}
              product={product}
              extra={<EarnBadge amount={earnings.get(product.id)} />}
            />
          ))}
        </div>
      )}
    </section>
  );
}
