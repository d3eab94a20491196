import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useAdminMallItems, useSetMallItemActive } from '../api/admin-items';
import type { AdminMallItem } from '../types';

/** Every item, on offer or not, with what was redeemed; edit one, or take it off and on offer. */
export function AdminItemsTable({ onEdit }: { onEdit: (item: AdminMallItem) => void }) {
  const { t } = useTranslation();
  const items = useAdminMallItems();
  const setActive = useSetMallItemActive();
  const list = allItems(items.data);
  return (
    <>
      <ListStatus
        pending={items.isPending}
        error={items.error}
        empty={list.length === 0}
        emptyTitle={t('adminPointsMall.none')}
      />
      <ErrorMessage error={setActive.error} />
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-mall-items">
            <thead>
              <tr>
                <th scope="col">{t('adminPointsMall.columns.title')}</th>
                <th scope="col">{t('adminPointsMall.columns.kind')}</th>
                <th scope="col">{t('adminPointsMall.columns.cost')}</th>
                <th scope="col">{t('adminPointsMall.columns.stock')}</th>
                <th scope="col">{t('adminPointsMall.columns.limit')}</th>
                <th scope="col">{t('adminPointsMall.columns.redeemed')}</th>
                <th scope="col">{t('adminPointsMall.columns.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id} data-testid="admin-mall-item">
                  <td data-label={t('adminPointsMall.columns.title')}>{item.title}</td>
                  <td data-label={t('adminPointsMall.columns.kind')}>{t(`pointsMall.kinds.${item.kind}`)}</td>
                  <td data-label={t('adminPointsMall.columns.cost')}>
                    {t('pointsMall.cost', { count: item.costPoints })}
                  </td>
                  <td data-label={t('adminPointsMall.columns.stock')}>{item.stock}</td>
                  <td data-label={t('adminPointsMall.columns.limit')}>
                    {item.perPersonLimit ?? t('adminPointsMall.noLimit')}
                  </td>
                  <td data-label={t('adminPointsMall.columns.redeemed')}>{item.redeemed}</td>
                  <td data-label={t('adminPointsMall.columns.status')}>
                    <span className={`badge${item.active ? ' badge-success' : ' badge-muted'}`}>
                      {item.active ? t('adminPointsMall.active') : t('adminPointsMall.inactive')}
                    </span>
                  </td>
                  <td data-label={t('admin.actions')}>
                    <button type="button" className="btn btn-outline btn-small" onClick={() => onEdit(item)}>
                      {t('adminPointsMall.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ itemId: item.id, active: !item.active })}
                      data-testid="admin-mall-item-toggle"
                    >
                      {item.active ? t('adminPointsMall.deactivate') : t('adminPointsMall.activate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={items} />
    </>
  );
}
