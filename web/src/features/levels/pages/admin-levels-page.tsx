import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { useBps } from '../../../lib/percent';
import { useAdminLevels, useDeleteLevel } from '../api/admin-levels';
import { useLevelSettings } from '../api/level-settings';
import { multiplierText } from '../components/benefit-list';
import { LevelForm } from '../components/level-form';
import { LevelSettingsForm } from '../components/level-settings-form';
import type { MemberLevel } from '../types';

type Editing = { kind: 'new' } | { kind: 'edit'; level: MemberLevel } | null;

/** The console's levels: the ladder with its benefits, adding, editing and deleting, and the settings. */
export function AdminLevelsPage() {
  const { t, i18n } = useTranslation();
  const percent = useBps();
  const levels = useAdminLevels();
  const settings = useLevelSettings();
  const remove = useDeleteLevel();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MemberLevel | null>(null);
  const items = levels.data?.items ?? [];
  const nextRank = (items.at(-1)?.rank ?? 0) + 1;

  return (
    <section data-testid="admin-levels">
      <div className="page-heading">
        <h1>{t('adminLevels.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setEditing({ kind: 'new' })}
          data-testid="add-level"
        >
          {t('adminLevels.add')}
        </button>
      </div>
      <p className="muted">{t('adminLevels.hint')}</p>
      {editing ? (
        <LevelForm
          key={editing.kind === 'edit' ? editing.level.rank : 'new'}
          level={editing.kind === 'edit' ? editing.level : undefined}
          nextRank={nextRank}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <ListStatus
        pending={levels.isPending}
        error={levels.error}
        empty={items.length === 0}
        emptyTitle={t('adminLevels.none')}
      />
      <ErrorMessage error={remove.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-levels-table">
            <thead>
              <tr>
                <th scope="col">{t('adminLevels.rank')}</th>
                <th scope="col">{t('adminLevels.name')}</th>
                <th scope="col">{t('adminLevels.threshold')}</th>
                <th scope="col">{t('adminLevels.discount')}</th>
                <th scope="col">{t('adminLevels.multiplier')}</th>
                <th scope="col">{t('adminLevels.freeShipping')}</th>
                <th scope="col">{t('adminLevels.monthlyCoupon')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.rank} data-testid="admin-level-row">
                  <td data-label={t('adminLevels.rank')}>{l.rank}</td>
                  <td data-label={t('adminLevels.name')}>{l.name}</td>
                  <td data-label={t('adminLevels.threshold')}>{l.threshold}</td>
                  <td data-label={t('adminLevels.discount')}>{percent(l.discountBps)}</td>
                  <td data-label={t('adminLevels.multiplier')}>
                    ×{multiplierText(l.commissionMultiplierBps, i18n.language)}
                  </td>
                  <td data-label={t('adminLevels.freeShipping')}>
                    {l.freeShipping ? t('adminLevels.yes') : t('adminLevels.no')}
                  </td>
                  <td data-label={t('adminLevels.monthlyCoupon')}>
                    {l.monthlyCouponTemplateId ? t('adminLevels.yes') : t('adminLevels.no')}
                  </td>
                  <td data-label={t('admin.actions')}>
                    <button
                      type="button"
                      className="btn btn-outline btn-small"
                      onClick={() => setEditing({ kind: 'edit', level: l })}
                      data-testid="edit-level"
                    >
                      {t('adminLevels.edit')}
                    </button>
                    {l.rank === items[0]?.rank ? null : (
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => setDeleting(l)}
                        data-testid="delete-level"
                      >
                        {t('adminLevels.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorMessage error={settings.error} />
      {settings.data ? <LevelSettingsForm settings={settings.data} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('adminLevels.deleteTitle', { name: deleting?.name ?? '' })}
        message={t('adminLevels.deleteMessage')}
        confirmLabel={t('adminLevels.delete')}
        danger
        busy={remove.isPending}
        testId="delete-level"
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.rank, { onSettled: () => setDeleting(null) });
        }}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
