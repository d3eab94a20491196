import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const TABS = ['links', 'commissions', 'withdrawals', 'payout', 'customers', 'team'] as const;

/** The promoter centre: an overview and one tab per list, all under /promote. */
export function PromoteLayout() {
  const { t } = useTranslation();
  return (
    <section className="page narrow promote" data-testid="promote-centre">
      <h1>{t('promote.title')}</h1>
      <nav className="chips tabs" aria-label={t('promote.title')}>
        <NavLink to="/promote" end className={({ isActive }) => `chip${isActive ? ' chip-active' : ''}`}>
          {t('promote.tabs.overview')}
        </NavLink>
        {TABS.map((tab) => (
          <NavLink
            key={tab}
            to={`/promote/${tab}`}
            className={({ isActive }) => `chip${isActive ? ' chip-active' : ''}`}
            data-testid={`promote-tab-${tab}`}
          >
            {t(`promote.tabs.${tab}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </section>
  );
}
