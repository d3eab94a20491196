import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { ProductShippingPanel } from '../../shipping/admin';
import { useAdminProduct } from '../api/get-admin-product';
import { ProductForm } from '../components/product-form';
import { StockPanel } from '../components/stock-panel';

export function AdminProductNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section>
      <h1>{t('admin.newProduct')}</h1>
      <ProductForm
        onSaved={(product) =>
          navigate(`/admin/products/${product.id}`, { replace: true, state: { saved: true } })
        }
      />
    </section>
  );
}

export function AdminProductEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const product = useAdminProduct(id);
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  if (product.isPending) return <Spinner />;
  if (isApiError(product.error, 404)) {
    return (
      <StatusPage title={t('catalog.notFound')} testId="admin-product-not-found">
        <Link to="/admin/products">{t('admin.products')}</Link>
      </StatusPage>
    );
  }
  if (!product.data) return <ErrorMessage error={product.error} />;
  return (
    <section>
      <div className="page-heading">
        <h1>{t('admin.editProduct')}</h1>
        <Link to={`/products/${product.data.id}`}>{t('admin.viewInShop')}</Link>
      </div>
      {saved ? (
        <p className="alert alert-success" role="status" data-testid="admin-product-saved">
          {t('admin.product.saved')}
        </p>
      ) : null}
      <ProductForm
        key={product.data.updatedAt}
        product={product.data}
        onSaved={() => navigate('.', { replace: true, state: { saved: true } })}
      />
      <StockPanel product={product.data} />
      <ProductShippingPanel productId={product.data.id} variants={product.data.variants} />
    </section>
  );
}
