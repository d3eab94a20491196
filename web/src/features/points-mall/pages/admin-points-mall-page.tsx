import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminItemsTable } from '../components/admin-items-table';
import { AdminRedemptionsTable } from '../components/admin-redemptions-table';
import { ItemForm } from '../components/item-form';
import type { AdminMallItem } from '../types';

type Editing = { item: AdminMallItem | null } | null;

/** The console's points mall: the items editor, and the redemptions with perks to fulfil. */
export function AdminPointsMallPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'items' | 'redemptions'>('items');
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <section data-testid="admin-points-mall">
      <div className="page-heading">
        <h1>{t('adminPointsMall.title')}</h1>
        {tab === 'items' && editing === null ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing({ item: null })}
            data-testid="admin-mall-new"
          >
            {t('adminPointsMall.new')}
          </button>
        ) : null}
      </div>
      <div className="mall-admin-tabs" role="tablist">
        {(['items', 'redemptions'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`btn btn-small ${tab === name ? 'btn-primary' : 'btn-outline'}`}
            onClick={() => setTab(name)}
            data-testid={`admin-mall-tab-${name}`}
          >
            {t(`adminPointsMall.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'items' && editing ? (
        <ItemForm key={editing.item?.id ?? 'new'} item={editing.item} onDone={() => setEditing(null)} />
      ) : null}
      {tab === 'items' && !editing ? <AdminItemsTable onEdit={(item) => setEditing({ item })} /> : null}
      {tab === 'redemptions' ? <AdminRedemptionsTable /> : null}
    </section>
  );
}
