import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useMyCoupons } from '../api/my-coupons';
import { CouponCard } from '../components/coupon-card';
import { useCouponValidity } from '../components/coupon-terms';
import { HELD_STATUSES, type HeldCouponStatus } from '../types';

const toStatus = (text: string | null): HeldCouponStatus =>
  HELD_STATUSES.find((s) => s === text) ?? 'available';

export function MyCouponsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = toStatus(params.get('status'));
  const coupons = useMyCoupons(status);
  const validity = useCouponValidity();
  const items = allItems(coupons.data);

  return (
    <section className="page narrow" data-testid="my-coupons">
      <h1>{t('coupons.mine')}</h1>
      <div className="chips tabs" role="tablist" aria-label={t('coupons.mine')}>
        {HELD_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === status}
            className={`chip${s === status ? ' chip-active' : ''}`}
            onClick={() => setParams({ status: s })}
            data-testid={`coupon-tab-${s}`}
          >
            {t(`coupons.status.${s}`)}
          </button>
        ))}
      </div>
      <ListStatus
        pending={coupons.isPending}
        error={coupons.error}
        empty={items.length === 0}
        emptyTitle={t('coupons.noneHeld')}
        emptyTestId="my-coupons-empty"
      >
        <Link className="btn btn-primary" to="/coupons">
          {t('coupons.getCoupons')}
        </Link>
      </ListStatus>
      <ul className="plain-list coupon-list">
        {items.map((coupon) => (
          <li key={coupon.id}>
            <CouponCard
              title={coupon.title}
              terms={coupon}
              faded={coupon.status !== 'available'}
              testId="my-coupon"
              details={
                <>
                  <small className="muted">{validity(coupon)}</small>
                  <span className="badge" data-testid="my-coupon-source">
                    {t(`coupons.source.${coupon.source}`)}
                  </span>
                  {coupon.orderId ? (
                    <Link to={`/orders/${coupon.orderId}`}>{t('coupons.viewOrder')}</Link>
                  ) : null}
                </>
              }
              action={<span className="badge badge-muted">{t(`coupons.status.${coupon.status}`)}</span>}
            />
          </li>
        ))}
      </ul>
      <LoadMore pages={coupons} />
    </section>
  );
}
