import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUser } from '../../features/auth';
import { useCart } from '../../features/cart';
import { CartIcon, DiscoverIcon, EarnIcon, HomeIcon, OrdersIcon, UserIcon } from './icons';

/**
 * Thumb-reach navigation on phones; hidden on wide screens where the header has room. Its height,
 * safe area included, is `--tab-bar-height` (layout.css): sticky bars sit on top of it with that.
 */
export function BottomNav() {
  const { t } = useTranslation();
  const { user } = useUser();
  const { count } = useCart();
  return (
    <nav className="bottom-nav" aria-label={t('nav.mobile')}>
      <NavLink to="/" end>
        <HomeIcon />
        <span>{t('nav.home')}</span>
      </NavLink>
      <NavLink to="/feed" data-testid="bottom-nav-feed">
        <DiscoverIcon />
        <span>{t('posts.feed')}</span>
      </NavLink>
      <NavLink to="/cart" data-testid="bottom-nav-cart">
        <CartIcon />
        <span>
          {t('nav.cart')}
          {count > 0 ? <span className="bottom-nav-count">{count}</span> : null}
        </span>
      </NavLink>
      <NavLink to="/orders">
        <OrdersIcon />
        <span>{t('nav.orders')}</span>
      </NavLink>
      <NavLink to="/promote" data-testid="bottom-nav-earn">
        <EarnIcon />
        <span>{t('layout.earn')}</span>
      </NavLink>
      <NavLink to={user ? '/account' : '/signin'}>
        <UserIcon />
        <span>{user ? t('nav.account') : t('auth.signIn')}</span>
      </NavLink>
    </nav>
  );
}
