import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useAdminCoupons, useSetCouponStatus } from '../api/admin-coupons';
import { useCouponConditions, useCouponValidity, useCouponValue } from '../components/coupon-terms';
import type { AdminCouponTemplate } from '../types';

function CouponRow({ coupon, onDisable }: { coupon: AdminCouponTemplate; onDisable: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const value = useCouponValue();
  const conditions = useCouponConditions();
  const validity = useCouponValidity();
  const setStatus = useSetCouponStatus();
  const active = coupon.status === 'active';
  return (
    <tr data-testid="admin-coupon-row">
      <td data-label={t('adminCoupons.columns.title')}>
        <Link to={`/admin/coupons/${coupon.id}`}>{coupon.title}</Link>
        {coupon.claimable ? null : <span className="badge badge-muted">{t('adminCoupons.rewardOnly')}</span>}
        {coupon.shareToUnlock ? <span className="badge">{t('coupons.shareToUnlock')}</span> : null}
      </td>
      <td data-label={t('adminCoupons.columns.terms')}>
        {value(coupon)}
        <small className="muted muted-block">{conditions(coupon)}</small>
      </td>
      <td data-label={t('adminCoupons.columns.issued')}>
        {coupon.issued} / {coupon.totalQuantity ?? t('adminCoupons.unlimited')}
        <small className="muted muted-block" data-testid="coupon-claimed">
          {t('couponUsage.claimed')}: {coupon.usage.claimed}
        </small>
      </td>
      <td data-label={t('couponUsage.used')} data-testid="coupon-used">
        {coupon.usage.used}
      </td>
      <td data-label={t('couponUsage.discountGiven')} data-testid="coupon-discount-given">
        {money(coupon.usage.discountGiven)}
        {coupon.usage.refunded > 0 ? (
          <small className="muted muted-block">
            {t('couponUsage.refunded', { count: coupon.usage.refunded })}
          </small>
        ) : null}
      </td>
      <td data-label={t('adminCoupons.columns.window')}>{validity(coupon)}</td>
      <td data-label={t('adminCoupons.columns.status')}>
        <span className={`badge${active ? ' badge-success' : ' badge-muted'}`}>
          {active ? t('adminCoupons.active') : t('adminCoupons.disabled')}
        </span>
      </td>
      <td data-label={t('admin.actions')}>
        {active ? (
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={onDisable}
            data-testid="disable-coupon"
          >
            {t('adminCoupons.disable')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-outline btn-small"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: coupon.id, action: 'enable' })}
          >
            {t('adminCoupons.enable')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function AdminCouponsPage() {
  const { t } = useTranslation();
  const coupons = useAdminCoupons();
  const items = allItems(coupons.data);
  const setStatus = useSetCouponStatus();
  const [disabling, setDisabling] = useState<AdminCouponTemplate | null>(null);

  return (
    <section data-testid="admin-coupons">
      <div className="page-heading">
        <h1>{t('adminCoupons.title')}</h1>
        <Link className="btn btn-primary" to="/admin/coupons/new" data-testid="admin-new-coupon">
          {t('adminCoupons.new')}
        </Link>
      </div>
      <ListStatus
        pending={coupons.isPending}
        error={coupons.error}
        empty={items.length === 0}
        emptyTitle={t('adminCoupons.none')}
      />
      <ErrorMessage error={setStatus.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-coupons-table">
            <thead>
              <tr>
                <th scope="col">{t('adminCoupons.columns.title')}</th>
                <th scope="col">{t('adminCoupons.columns.terms')}</th>
                <th scope="col">{t('adminCoupons.columns.issued')}</th>
                <th scope="col">{t('couponUsage.used')}</th>
                <th scope="col">{t('couponUsage.discountGiven')}</th>
                <th scope="col">{t('adminCoupons.columns.window')}</th>
                <th scope="col">{t('adminCoupons.columns.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((coupon) => (
                <CouponRow key={coupon.id} coupon={coupon} onDisable={() => setDisabling(coupon)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={coupons} />
      <ConfirmDialog
        open={disabling !== null}
        title={t('adminCoupons.disable')}
        message={t('adminCoupons.disableConfirm')}
        confirmLabel={t('adminCoupons.disable')}
        danger
        busy={setStatus.isPending}
        onCancel={() => setDisabling(null)}
        onConfirm={() => {
          if (disabling)
            setStatus.mutate(
              { id: disabling.id, action: 'disable' },
              { onSettled: () => setDisabling(null) },
            );
        }}
      />
    </section>
  );
}
