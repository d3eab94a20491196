import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { CategoryIcon, displayName } from '../../catalog';
import {
  type AdminCategory,
  useAdminCategories,
  useDeleteCategory,
  useUpdateCategory,
} from '../api/categories';
import { CategoryForm } from '../components/category-form';

/** The console's categories: in the storefront's order, named in both languages, each with an icon. */
export function AdminCategoriesPage() {
  const { t } = useTranslation();
  const categories = useAdminCategories();
  const items = categories.data?.items ?? [];
  const [editing, setEditing] = useState<AdminCategory | null>(null);
  return (
    <section data-testid="admin-categories-page">
      <h1>{t('adminCategories.title')}</h1>
      <p className="muted">{t('adminCategories.hint')}</p>
      {editing ? (
        <CategoryForm key={editing.slug} category={editing} onDone={() => setEditing(null)} />
      ) : (
        <CategoryForm />
      )}
      <ListStatus
        pending={categories.isPending}
        error={categories.error}
        empty={items.length === 0}
        emptyTitle={t('adminCategories.empty')}
      >
        <p className="muted">{t('adminCategories.emptyHint')}</p>
      </ListStatus>
      {items.length > 0 ? <CategoriesTable items={items} onEdit={setEditing} /> : null}
    </section>
  );
}

function CategoriesTable({ items, onEdit }: { items: AdminCategory[]; onEdit: (c: AdminCategory) => void }) {
  const { t, i18n } = useTranslation();
  const move = useUpdateCategory();
  const remove = useDeleteCategory();
  const [deleting, setDeleting] = useState<AdminCategory | null>(null);
  const nameOf = (c: AdminCategory) => displayName(c.names, i18n.language);
  const moveTo = (c: AdminCategory, position: number) => move.mutate({ slug: c.slug, patch: { position } });
  return (
    <>
      <ErrorMessage error={move.error ?? remove.error} />
      <div className="table-wrap">
        <table className="table table-stacked" data-testid="admin-categories-table">
          <thead>
            <tr>
              <th scope="col">{t('adminCategories.category')}</th>
              <th scope="col">{t('adminCategories.slug')}</th>
              <th scope="col">{t('adminCategories.products')}</th>
              <th scope="col">{t('adminCategories.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c, index) => (
              <tr key={c.slug} data-testid="admin-category-row" data-slug={c.slug}>
                <td data-label={t('adminCategories.category')}>
                  <span className="category-cell">
                    <CategoryIcon name={c.icon} />
                    <span>
                      <span lang="en">{c.names.en}</span>
                      <br />
                      <small className="muted" lang="zh-CN">
                        {c.names['zh-CN']}
                      </small>
                    </span>
                  </span>
                </td>
                <td data-label={t('adminCategories.slug')}>
                  <code>{c.slug}</code>
                </td>
                <td data-label={t('adminCategories.products')}>
                  {t('adminCategories.productCount', { active: c.products, all: c.allProducts })}
                </td>
                <td data-label={t('adminCategories.actions')}>
                  <span className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => moveTo(c, index - 1)}
                      disabled={index === 0 || move.isPending}
                      aria-label={t('adminCategories.moveUpLabel', { name: nameOf(c) })}
                      data-testid="category-up"
                    >
                      ↑ {t('adminCategories.moveUp')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => moveTo(c, index + 1)}
                      disabled={index === items.length - 1 || move.isPending}
                      aria-label={t('adminCategories.moveDownLabel', { name: nameOf(c) })}
                      data-testid="category-down"
                    >
                      ↓ {t('adminCategories.moveDown')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => {
                        onEdit(c);
                        window.scrollTo({ top: 0 });
                      }}
                      data-testid="category-edit"
                    >
                      {t('adminCategories.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => {
                        remove.reset();
                        setDeleting(c);
                      }}
                      data-testid="category-delete"
                    >
                      {t('adminCategories.delete')}
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t('adminCategories.deleteTitle', { name: nameOf(deleting) }) : ''}
        message={
          deleting && deleting.allProducts > 0
            ? t('adminCategories.inUseHint')
            : t('adminCategories.deleteMessage')
        }
        confirmLabel={t('adminCategories.delete')}
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.slug, { onSettled: () => setDeleting(null) });
        }}
      />
    </>
  );
}
