import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { useUser } from '../../auth';
import { useMallItem } from '../api/mall-items';
import { AvailabilityBadge } from '../components/availability-badge';
import { BalanceBar } from '../components/balance-bar';
import { RedeemPanel } from '../components/redeem-panel';

/** One item: what it is and gives, what it costs and how many are left, and redeeming it. */
export function MallItemPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { user } = useUser();
  const item = useMallItem(itemId, user?.id);
  if (item.isPending) return <Spinner />;
  if (item.error || !item.data) return <ErrorMessage error={item.error} />;
  const it = item.data;
  return (
    <section className="page narrow mall-item" data-testid="mall-item-page">
      <Link to="/points-mall">{t('pointsMall.back')}</Link>
      <ProductImage src={it.image ?? undefined} alt={it.title} className="mall-item-image" />
      <span className="badge badge-muted">{t(`pointsMall.kinds.${it.kind}`)}</span>
      <h1>{it.title}</h1>
      {it.description ? <p className="mall-description">{it.description}</p> : null}
      <p className="mall-facts">
        <strong className="mall-cost">{t('pointsMall.cost', { count: it.costPoints })}</strong>
        <span data-testid="mall-item-stock">{t('pointsMall.stockLeft', { count: it.stock })}</span>
        {it.perPersonLimit !== null ? (
          <span>{t('pointsMall.limit', { count: it.perPersonLimit })}</span>
        ) : null}
        {it.redeemedByMe ? <span>{t('pointsMall.redeemedByMe', { count: it.redeemedByMe })}</span> : null}
        <AvailabilityBadge availability={it.availability} />
      </p>
      <BalanceBar signedIn={Boolean(user)} />
      {user ? (
        <RedeemPanel item={it} />
      ) : (
        <Link
          className="btn btn-primary btn-block"
          to={`/signin?next=${encodeURIComponent(`/points-mall/${it.id}`)}`}
        >
          {t('pointsMall.signInToRedeem')}
        </Link>
      )}
    </section>
  );
}
