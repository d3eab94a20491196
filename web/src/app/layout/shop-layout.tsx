import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { BottomNav } from './bottom-nav';
import { Header } from './header';

export function ShopLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <ScrollRestoration />
      <Header />
      <main className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.tagline')}</p>
      </footer>
      <BottomNav />
    </div>
  );
}
