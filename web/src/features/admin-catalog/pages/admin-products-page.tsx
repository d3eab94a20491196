import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import { isAdmin, useUser } from '../../auth';
import { CategoryName, type Product } from '../../catalog';
import { useAdminProducts } from '../api/get-admin-products';
import { useSetProductStatus } from '../api/set-product-status';
import { BulkActionBar } from '../components/bulk-action-bar';

export function AdminProductsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const includeArchived = params.get('archived') === '1';
  const [search, setSearch] = useState(q);
  const products = useAdminProducts({ q: q || undefined, includeArchived });
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];
  // Support staff read the catalogue; changing it (new, import, bulk, archive) is an admin's.
  const admin = isAdmin(useUser().user);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const shown = items.filter((p) => selected.has(p.id)).map((p) => p.id);
  const allSelected = items.length > 0 && shown.length === items.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function update(next: { q?: string; archived?: boolean }) {
    const query = new URLSearchParams();
    const text = next.q ?? q;
    if (text) query.set('q', text);
    if (next.archived ?? includeArchived) query.set('archived', '1');
    setParams(query);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  return (
    <section>
      <div className="page-heading">
        <h1>{t('admin.products')}</h1>
        <div className="page-actions">
          {admin ? (
            <Link className="btn btn-outline" to="/admin/products/import" data-testid="admin-import-products">
              {t('catalogIo.importLink')}
            </Link>
          ) : null}
          <CsvDownloadButton
            path="/api/admin/products/export.csv"
            query={{ q: q || undefined, includeArchived }}
            name="products"
            testId="admin-products-export"
          />
          {admin ? (
            <Link className="btn btn-primary" to="/admin/products/new" data-testid="admin-new-product">
              {t('admin.newProduct')}
            </Link>
          ) : null}
        </div>
      </div>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="admin-product-search">
            {t('common.search')}
          </label>
          <input
            id="admin-product-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('admin.searchProducts')}
          />
          <button type="submit" className="btn btn-outline">
            {t('common.search')}
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeArchived}
              onChange={(e) => update({ archived: e.target.checked })}
            />
            {t('admin.includeArchived')}
          </label>
        </form>
      </search>
      {products.isPending ? <Spinner /> : null}
      <ErrorMessage error={products.error} />
      {products.isSuccess && items.length === 0 ? <EmptyState title={t('admin.noProducts')} /> : null}
      {admin && items.length > 0 ? (
        // Above the table, not in its head: on a phone the table's head is hidden (rows are cards).
        <label className="checkbox">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((p) => p.id)))}
            data-testid="bulk-select-all"
          />
          {t('catalogIo.selectAll')}
        </label>
      ) : null}
      {admin ? (
        <BulkActionBar
          selected={shown}
          titles={new Map(items.map((p) => [p.id, p.title]))}
          onDone={() => setSelected(new Set())}
        />
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-products-table">
            <thead>
              <tr>
                <th scope="col" className="table-check-cell">
                  <span className="visually-hidden">{t('catalogIo.select')}</span>
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.product.images')}</span>
                </th>
                <th scope="col">{t('admin.product.title')}</th>
                <th scope="col">{t('admin.product.category')}</th>
                <th scope="col">{t('admin.price')}</th>
                <th scope="col">{t('admin.totalStock')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((product) => (
                <ProductRow
                  key={product.id}
                  product={product}
                  selected={selected.has(product.id)}
                  onToggle={() => toggle(product.id)}
                  admin={admin}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={products} />
    </section>
  );
}

function ProductRow({
  product,
  selected,
  onToggle,
  admin,
}: {
  product: Product;
  selected: boolean;
  onToggle: () => void;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const setStatus = useSetProductStatus();
  const stock = product.variants.reduce((sum, v) => sum + v.stock, 0);
  const archived = product.status === 'archived';
  return (
    <tr data-testid="admin-product-row">
      <td className="table-check-cell">
        {admin ? (
          <input
            type="checkbox"
            aria-label={t('catalogIo.selectProduct', { title: product.title })}
            checked={selected}
            onChange={onToggle}
            data-testid="bulk-select"
          />
        ) : null}
      </td>
      <td className="table-thumb-cell">
        <ProductImage src={product.images[0]} alt={product.title} className="table-thumb" />
      </td>
      <td data-label={t('admin.product.title')}>{product.title}</td>
      <td data-label={t('admin.product.category')}>
        {product.category ? <CategoryName slug={product.category} /> : '—'}
      </td>
      <td data-label={t('admin.price')}>
        <PriceSpan min={product.minPrice} max={product.maxPrice} />
      </td>
      <td data-label={t('admin.totalStock')}>{stock}</td>
      <td data-label={t('admin.status')}>
        <span className={`badge ${archived ? 'badge-muted' : 'badge-success'}`}>
          {t(`admin.productStatus.${product.status}`)}
        </span>
      </td>
      <td data-label={t('admin.actions')}>
        <div className="table-actions">
          <Link to={`/admin/products/${product.id}`}>{admin ? t('admin.edit') : t('admin.view')}</Link>
          {admin ? (
            <button
              type="button"
              className="btn btn-link"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ id: product.id, action: archived ? 'restore' : 'archive' })}
              data-testid={archived ? 'admin-restore' : 'admin-archive'}
            >
              {archived ? t('admin.restore') : t('admin.archive')}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** Operators want the whole span ("¥12.90 – ¥29.90"), not the shopper's "from" price. */
function PriceSpan({ min, max }: { min: number | null; max: number | null }) {
  const money = useMoney();
  if (min === null || max === null) return <>—</>;
  return <>{min === max ? money(min) : `${money(min)} – ${money(max)}`}</>;
}
