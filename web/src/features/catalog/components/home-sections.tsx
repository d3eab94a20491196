import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { useCouponOffers } from '../api/get-coupon-offers';
import { useGroupDeals } from '../api/get-group-deals';
import { type ProductSort, useProductSection } from '../api/get-products';
import { HomeSection } from './home-section';
import { ProductCard } from './product-card';

const SECTION_SIZE = 8;
// Products asked for per section: a few more than shown, as sold-out ones are left out.
const SECTION_FETCH = 12;

/** Running group buys: the product, its group price against the regular one, and the group size. */
function GroupDealsSection() {
  const { t } = useTranslation();
  const money = useMoney();
  const deals = useGroupDeals();
  const running = (deals.data ?? []).filter((d) => d.running).slice(0, SECTION_SIZE);
  if (running.length === 0) return null;
  return (
    <HomeSection
      title={t('discovery.groupDeals')}
      hint={t('discovery.groupDealsHint')}
      testId="home-group-deals"
    >
      {running.map((deal) => (
        <Link
          key={deal.id}
          to={`/products/${deal.productId}`}
          className="product-card deal-card"
          data-testid="group-deal"
        >
          <div className="product-card-media">
            <ProductImage src={deal.product.image ?? undefined} alt={deal.product.title} />
          </div>
          <div className="product-card-body">
            <h3 className="product-card-title">{deal.product.title}</h3>
            <span className="badge group-price-badge">
              {t('discovery.groupPrice', { price: money(deal.price) })}
            </span>
            {deal.regularPrice !== null ? (
              <s className="muted deal-regular">{money(deal.regularPrice)}</s>
            ) : null}
            <small className="muted deal-size">{t('discovery.groupOf', { count: deal.groupSize })}</small>
          </div>
        </Link>
      ))}
    </HomeSection>
  );
}

/** Coupons open for claiming; claiming happens in the coupon centre, where their terms are in full. */
function CouponsSection() {
  const { t } = useTranslation();
  const money = useMoney();
  const { user } = useUser();
  const offers = useCouponOffers(user?.id, SECTION_SIZE);
  const items = offers.data ?? [];
  if (items.length === 0) return null;
  return (
    <HomeSection
      title={t('discovery.coupons')}
      more={{ to: '/coupons', label: t('discovery.couponsAll') }}
      testId="home-coupons"
    >
      {items.map((offer) => (
        <Link key={offer.id} to="/coupons" className="home-coupon" data-testid="home-coupon">
          <strong>{offer.title}</strong>
          <small>
            {offer.minSpend > 0
              ? t('coupons.minSpend', { amount: money(offer.minSpend) })
              : t('coupons.noMinimum')}
          </small>
        </Link>
      ))}
    </HomeSection>
  );
}

function ProductsSection({ sort, title, testId }: { sort: ProductSort; title: string; testId: string }) {
  const { t } = useTranslation();
  const section = useProductSection(sort, SECTION_FETCH);
  // A promotion row shows what can be bought now; sold-out products stay in the full list below.
  const items = (section.data?.items ?? []).filter((p) => p.inStock).slice(0, SECTION_SIZE);
  if (items.length === 0) return null;
  return (
    <HomeSection title={title} more={{ to: `/?sort=${sort}`, label: t('discovery.seeAll') }} testId={testId}>
      {items.map((product) => (
        <ProductCard key={product.id} product={product} testId="section-product" />
      ))}
    </HomeSection>
  );
}

/**
 * The home page's sections, in the order a shopper meets them. A section with nothing in it stays
 * out of the page rather than showing an empty row.
 */
export function HomeSections() {
  const { t } = useTranslation();
  return (
    <>
      <GroupDealsSection />
      {/* Flash sales (a later issue) go here, between group deals and coupons: <FlashSalesSection />. */}
      <CouponsSection />
      <ProductsSection sort="newest" title={t('discovery.newIn')} testId="home-new-in" />
      <ProductsSection sort="popular" title={t('discovery.popular')} testId="home-popular" />
    </>
  );
}
