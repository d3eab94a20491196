import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { AddressBookCard } from '../../addresses';
import { isStaff, useSignOut, useUser } from '../../auth';
import { useBargainsAllowed } from '../../bargains';
import { InviteRewardText, PointsCard } from '../../coupons';
import { GrowthLinks } from '../../growth';
import { EmailPreferencesCard } from '../../notifications';
import { LanguageSection } from '../components/language-section';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const bargains = useBargainsAllowed() === true;
  if (!user) return null;
  const inviteLink = `${window.location.origin}/signup?invite=${encodeURIComponent(user.inviteCode)}`;

  return (
    <section className="page narrow" data-testid="account-page">
      <h1>{t('account.title')}</h1>
      <div className="card">
        <dl className="details">
          <dt>{t('auth.name')}</dt>
          <dd data-testid="account-name">{user.name}</dd>
          <dt>{t('auth.email')}</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>
            {user.roles.map((role) => (
              <span key={role} className="badge">
                {role}
              </span>
            ))}
          </dd>
        </dl>
      </div>
      <div className="card">
        <h2>{t('account.inviteTitle')}</h2>
        <p className="muted">{t('account.inviteHint')}</p>
        <InviteRewardText />
        <div className="copy-row">
          <code data-testid="invite-code">{user.inviteCode}</code>
          <CopyButton text={user.inviteCode} label={t('account.copyCode')} testId="copy-invite-code" />
        </div>
        <div className="copy-row">
          <code className="wrap" data-testid="invite-link">
            {inviteLink}
          </code>
          <CopyButton text={inviteLink} label={t('account.copyLink')} testId="copy-invite-link" />
        </div>
      </div>
      <LanguageSection />
      <AddressBookCard />
      <PointsCard />
      <GrowthLinks />
      <EmailPreferencesCard />
      <nav className="card link-list" aria-label={t('account.title')}>
        <Link to="/orders">{t('orders.myOrders')}</Link>
        <Link to="/notifications" data-testid="account-notifications">
          {t('notifications.title')}
        </Link>
        <Link to="/my-group-buys" data-testid="my-group-buys-link">
          {t('groupBuy.mine')}
        </Link>
        {bargains ? (
          <Link to="/my-bargains" data-testid="my-bargains-link">
            {t('bargain.mine')}
          </Link>
        ) : null}
        <Link to="/my-gifts" data-testid="my-gifts-link">
          {t('gifts.mine.title')}
        </Link>
        <Link to="/my-after-sales" data-testid="my-after-sales-link">
          {t('afterSales.mine')}
        </Link>
        <Link to="/promote" data-testid="account-promote">
          {t('promote.title')}
        </Link>
        <Link to="/my-store" data-testid="account-my-store">
          {t('stores.myStore')}
        </Link>
        <Link to="/communities" data-testid="account-community">
          {t('communities.myCommunity')}
        </Link>
        <Link to="/leader" data-testid="account-leader">
          {t('communities.leader.title')}
        </Link>
        <Link to="/live" data-testid="account-live">
          {t('live.title')}
        </Link>
        {user.roles.includes('shopkeeper') || user.roles.includes('admin') ? (
          <Link to="/my-live" data-testid="account-my-live">
            {t('live.host.title')}
          </Link>
        ) : null}
        {isStaff(user) ? <Link to="/admin">{t('admin.title')}</Link> : null}
      </nav>
      <button
        type="button"
        className="btn btn-outline btn-block"
        data-testid="sign-out"
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}
      >
        {t('auth.signOut')}
      </button>
    </section>
  );
}
