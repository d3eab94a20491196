import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyRedemptions } from '../api/my-redemptions';

/** What I redeemed, newest first, each with where it went (my coupons, its order) and its status. */
export function MyRedemptionsPage() {
  const { t } = useTranslation();
  const at = useDateTime();
  const redemptions = useMyRedemptions();
  const items = allItems(redemptions.data);
  return (
    <section className="page narrow" data-testid="my-redemptions">
      <Link to="/points-mall">{t('pointsMall.back')}</Link>
      <h1>{t('pointsMall.mine')}</h1>
      <ListStatus
        pending={redemptions.isPending}
        error={redemptions.error}
        empty={items.length === 0}
        emptyTitle={t('pointsMall.noneMine')}
        emptyTestId="my-redemptions-empty"
      />
      <ul className="plain-list mall-redemptions">
        {items.map((r) => (
          <li key={r.id} className="card mall-redemption" data-testid="my-redemption">
            <div>
              <strong>{r.title}</strong>
              <small className="muted muted-block">
                {t(`pointsMall.kinds.${r.kind}`)} · {at(r.createdAt)}
              </small>
              {r.couponId ? <Link to="/my-coupons">{t('pointsMall.viewCoupons')}</Link> : null}
              {r.orderId ? <Link to={`/orders/${r.orderId}`}>{t('pointsMall.viewOrder')}</Link> : null}
            </div>
            <div className="mall-redemption-side">
              <span className="mall-spent">{t('pointsMall.spent', { count: r.costPoints })}</span>
              <span className={`badge ${r.status === 'done' ? 'badge-success' : 'badge-muted'}`}>
                {t(`pointsMall.status.${r.status}`)}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore pages={redemptions} />
    </section>
  );
}
