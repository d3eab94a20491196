import { AppError } from '../../platform/errors.js';
import type { CatalogService, Product } from '../catalog/index.js';
import type { StoresService } from '../stores/index.js';
import type { ShareTargets, TargetCard } from './targets.js';

/** A lookup that answers "no such thing" with undefined instead of a 404 error. */
async function unlessMissing<T>(find: () => Promise<T>): Promise<T | undefined> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}

const productCard = (p: Product): TargetCard => ({
  id: p.id,
  title: p.title,
  description: p.description || null,
  facts: {
    kind: 'product',
    priceVaries: p.minPrice !== p.maxPrice,
    inStock: p.inStock,
    highPrice: p.maxPrice,
  },
  image: p.images[0] ?? null,
  price: p.minPrice,
  path: `/products/${encodeURIComponent(p.id)}`,
});

type StorePage = Awaited<ReturnType<StoresService['getStorePageById']>>;

const storeCard = (s: StorePage): TargetCard => ({
  id: s.id,
  title: s.name,
  description: s.intro || null,
  facts: { kind: 'store', ownerName: s.owner.name },
  image: s.logo ?? s.products[0]?.images[0] ?? null,
  price: null,
  path: `/stores/${encodeURIComponent(s.slug)}`,
});

/** Products and stores as shareable targets; group buys register themselves the same way. */
export function registerCatalogTargets(
  targets: ShareTargets,
  catalog: CatalogService,
  stores: StoresService,
) {
  const product = async (id: string) => {
    const found = await unlessMissing(() => catalog.getProduct(id));
    return found && productCard(found);
  };
  targets.register('product', { byId: product, pageSegment: 'products', byPageKey: product });
  targets.register('store', {
    byId: async (id) => {
      const found = await unlessMissing(() => stores.getStorePageById(id));
      return found && storeCard(found);
    },
    pageSegment: 'stores',
    byPageKey: async (slug) => {
      const found = await unlessMissing(() => stores.getStorePageBySlug(slug));
      return found && storeCard(found);
    },
  });
}
