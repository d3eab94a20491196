import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isStaff, useUser } from '../../features/auth';
import { useCart } from '../../features/cart';
import { NotificationBell } from '../../features/notifications';
import { CartIcon, UserIcon } from './icons';
import { LanguageSwitch } from './language-switch';
import { SearchBox } from './search-box';

export function Header() {
  const { t } = useTranslation();
  const { user } = useUser();
  const { count } = useCart();
  // The account page has the full language choice; two controls for one setting would confuse.
  const onAccount = useLocation().pathname === '/account';
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="logo" data-testid="logo">
          <span className="logo-mark" aria-hidden="true" />
          <span className="logo-text">Fission</span>
        </Link>
        <SearchBox />
        <nav className="header-actions" aria-label={t('nav.main')}>
          {isStaff(user) ? (
            <Link to="/admin" className="header-link hide-mobile" data-testid="admin-link">
              {t('admin.title')}
            </Link>
          ) : null}
          {user ? (
            <Link to="/promote" className="header-link hide-mobile" data-testid="promote-link">
              {t('promote.short')}
            </Link>
          ) : null}
          <Link
            to={user ? '/account' : '/signin'}
            className="header-link hide-mobile"
            data-testid="account-link"
          >
            <UserIcon />
            <span>{user ? user.name : t('auth.signIn')}</span>
          </Link>
          {user ? <NotificationBell /> : null}
          <Link
            to="/cart"
            className="header-link cart-link hide-mobile"
            aria-label={t('nav.cartWithCount', { count })}
          >
            <CartIcon />
            <span className="cart-count" data-testid="cart-count" data-count={count}>
              {count}
            </span>
          </Link>
          {onAccount ? null : <LanguageSwitch />}
        </nav>
      </div>
    </header>
  );
}
