import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Spinner } from '../../components/spinner';
import { isAdmin, useUser } from '../../features/auth';
import { useBargainsAllowed } from '../../features/bargains';

/**
 * The console: a side menu on wide screens, a strip of tabs that scrolls sideways on a phone (the
 * strip scrolls, never the page). The open section's tab is scrolled into view on every visit.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Support staff see the sections they may use (the server's route → roles table decides).
  const admin = isAdmin(useUser().user);
  // Where the market policy forbids bargains, the console does not offer them either.
  const bargains = useBargainsAllowed() === true;
  const nav = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new route marks another tab active.
  useEffect(() => {
    const strip = nav.current;
    const active = strip?.querySelector<HTMLElement>('a.active');
    if (!strip || !active || strip.scrollWidth <= strip.clientWidth) return;
    // Scrolls the strip only: scrollIntoView would scroll the page too.
    strip.scrollLeft = active.offsetLeft - (strip.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <div className="admin" data-testid="admin-layout">
      <nav className="admin-nav" aria-label={t('admin.title')} ref={nav} data-testid="admin-nav">
        <p className="admin-nav-title">{t('admin.title')}</p>
        {admin ? <NavLink to="/admin/dashboard">{t('analytics.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/simulator">{t('simulator.nav')}</NavLink> : null}
        <NavLink to="/admin/products">{t('admin.products')}</NavLink>
        {admin ? <NavLink to="/admin/categories">{t('adminCategories.nav')}</NavLink> : null}
        <NavLink to="/admin/orders">{t('admin.orders')}</NavLink>
        <NavLink to="/admin/people">{t('people.nav')}</NavLink>
        {admin ? <NavLink to="/admin/shipping">{t('adminShipping.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/withdrawals">{t('adminDistribution.withdrawals')}</NavLink> : null}
        {admin ? <NavLink to="/admin/promoters">{t('adminDistribution.promoters')}</NavLink> : null}
        {admin ? <NavLink to="/admin/structure">{t('structure.title')}</NavLink> : null}
        {admin ? <NavLink to="/admin/trust">{t('trust.title')}</NavLink> : null}
        {admin ? <NavLink to="/admin/distribution">{t('adminDistribution.settings')}</NavLink> : null}
        {admin ? <NavLink to="/admin/coupons">{t('adminCoupons.title')}</NavLink> : null}
        {admin ? <NavLink to="/admin/invitation-rewards">{t('adminInvitations.title')}</NavLink> : null}
        {admin ? <NavLink to="/admin/check-ins">{t('adminCheckIns.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/group-buys">{t('adminGroupBuys.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/flash-sales">{t('adminFlashSales.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/recommendations">{t('adminRecommendations.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/policy">{t('adminPolicy.nav')}</NavLink> : null}
        {admin && bargains ? <NavLink to="/admin/bargains">{t('adminBargains.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/shopkeepers">{t('shopkeeperApplications.nav')}</NavLink> : null}
        <NavLink to="/admin/communities" data-testid="admin-nav-communities">
          {t('communities.admin.title')}
        </NavLink>
        <NavLink to="/admin/attention">{t('adminAttention.nav')}</NavLink>
        <NavLink to="/admin/after-sales">{t('afterSales.nav')}</NavLink>
        {admin ? <NavLink to="/admin/levels">{t('adminLevels.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/tasks">{t('adminTasks.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/honours">{t('adminHonours.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/academy">{t('adminAcademy.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/competitions">{t('adminCompetitions.title')}</NavLink> : null}
        {admin ? <NavLink to="/admin/points-mall">{t('adminPointsMall.nav')}</NavLink> : null}
        {admin ? <NavLink to="/admin/points">{t('adminPoints.nav')}</NavLink> : null}
        <NavLink to="/admin/moderation">{t('moderation.nav')}</NavLink>
        <NavLink to="/admin/audit">{t('adminAudit.nav')}</NavLink>
        <NavLink to="/admin/live">{t('live.admin.nav')}</NavLink>
        <NavLink to="/admin/posts">{t('posts.admin.nav')}</NavLink>
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
