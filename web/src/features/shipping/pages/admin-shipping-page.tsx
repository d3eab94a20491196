import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { useMoney } from '../../../lib/config';
import { useDeleteTemplate, useShippingTemplates } from '../api/admin-shipping';
import { TemplateForm } from '../components/template-form';
import type { ShippingTemplate } from '../types';

type Editing = { kind: 'new' } | { kind: 'edit'; template: ShippingTemplate } | null;

/** The console's shipping templates: what each charges, where, and from which amount it is free. */
export function AdminShippingPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const templates = useShippingTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ShippingTemplate | null>(null);
  const items = templates.data?.items ?? [];
  const feeText = (tpl: ShippingTemplate) =>
    tpl.basis === 'flat'
      ? money(tpl.defaultRule.firstFee)
      : t(tpl.basis === 'count' ? 'adminShipping.ruleByCount' : 'adminShipping.ruleByWeight', {
          first: tpl.defaultRule.first,
          firstFee: money(tpl.defaultRule.firstFee),
          extra: tpl.defaultRule.extra,
          extraFee: money(tpl.defaultRule.extraFee),
        });

  return (
    <section data-testid="admin-shipping">
      <div className="page-heading">
        <h1>{t('adminShipping.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setEditing({ kind: 'new' })}
          data-testid="add-shipping-template"
        >
          {t('adminShipping.add')}
        </button>
      </div>
      <p className="muted">{t('adminShipping.hint')}</p>
      {editing ? (
        <TemplateForm
          key={editing.kind === 'edit' ? editing.template.id : 'new'}
          template={editing.kind === 'edit' ? editing.template : undefined}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <ListStatus
        pending={templates.isPending}
        error={templates.error}
        empty={items.length === 0}
        emptyTitle={t('adminShipping.none')}
      />
      <ErrorMessage error={remove.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="shipping-templates-table">
            <thead>
              <tr>
                <th scope="col">{t('adminShipping.name')}</th>
                <th scope="col">{t('adminShipping.fee')}</th>
                <th scope="col">{t('adminShipping.freeOver')}</th>
                <th scope="col">{t('adminShipping.regions')}</th>
                <th scope="col">{t('adminShipping.products')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((tpl) => (
                <tr key={tpl.id} data-testid="shipping-template-row">
                  <td data-label={t('adminShipping.name')}>
                    {tpl.name}
                    {tpl.isDefault ? <span className="badge"> {t('adminShipping.default')}</span> : null}
                  </td>
                  <td data-label={t('adminShipping.fee')}>{feeText(tpl)}</td>
                  <td data-label={t('adminShipping.freeOver')}>
                    {tpl.freeOverAmount === null ? t('adminShipping.never') : money(tpl.freeOverAmount)}
                  </td>
                  <td data-label={t('adminShipping.regions')}>
                    {tpl.regionRules.length === 0
                      ? '—'
                      : tpl.regionRules
                          .map((r) => `${r.provinces.join('、')}: ${money(r.firstFee)}`)
                          .join('; ')}
                  </td>
                  <td data-label={t('adminShipping.products')}>{tpl.productCount}</td>
                  <td data-label={t('admin.actions')}>
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      onClick={() => setEditing({ kind: 'edit', template: tpl })}
                      data-testid="edit-shipping-template"
                    >
                      {t('adminShipping.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      onClick={() => setDeleting(tpl)}
                      data-testid="delete-shipping-template"
                    >
                      {t('adminShipping.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('adminShipping.deleteTitle', { name: deleting?.name ?? '' })}
        message={t('adminShipping.deleteMessage')}
        confirmLabel={t('adminShipping.delete')}
        danger
        busy={remove.isPending}
        testId="delete-shipping-template"
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSettled: () => setDeleting(null) });
        }}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
