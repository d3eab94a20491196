import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useAdminCoupon } from '../api/admin-coupons';
import { CouponForm } from '../components/coupon-form';

export function AdminCouponNewPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('adminCoupons.new')}</h1>
      <CouponForm />
    </section>
  );
}

export function AdminCouponEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const coupon = useAdminCoupon(id);
  return (
    <section>
      <h1>{t('adminCoupons.edit')}</h1>
      {coupon.isPending ? <Spinner /> : null}
      <ErrorMessage error={coupon.error} />
      {coupon.data ? <CouponForm key={coupon.data.id} template={coupon.data} /> : null}
    </section>
  );
}
