import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Spinner } from '../../components/spinner';

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="admin" data-testid="admin-layout">
      <nav className="admin-nav" aria-label={t('admin.title')}>
        <p className="admin-nav-title">{t('admin.title')}</p>
        <NavLink to="/admin/products">{t('admin.products')}</NavLink>
        <NavLink to="/admin/categories">{t('adminCategories.nav')}</NavLink>
        <NavLink to="/admin/orders">{t('admin.orders')}</NavLink>
        <NavLink to="/admin/withdrawals">{t('adminDistribution.withdrawals')}</NavLink>
        <NavLink to="/admin/promoters">{t('adminDistribution.promoters')}</NavLink>
        <NavLink to="/admin/distribution">{t('adminDistribution.settings')}</NavLink>
        <NavLink to="/admin/coupons">{t('adminCoupons.title')}</NavLink>
        <NavLink to="/admin/invitation-rewards">{t('adminInvitations.title')}</NavLink>
        <NavLink to="/admin/group-buys">{t('adminGroupBuys.nav')}</NavLink>
        <NavLink to="/admin/shopkeepers">{t('shopkeeperApplications.nav')}</NavLink>
        <NavLink to="/admin/attention">{t('adminAttention.nav')}</NavLink>
        <NavLink to="/admin/after-sales">{t('afterSales.nav')}</NavLink>
        <NavLink to="/" end>
          {t('admin.backToShop')}
        </NavLink>
      </nav>
      <div className="admin-main">
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}
