import type { BodyOf } from '../../../lib/api';
import type { FieldError } from '../../../lib/api-error';
import { formatDecimal, parseDecimal } from '../../../lib/money';
import type { Product } from '../../catalog';

/** What the admin form holds: text as typed, converted only on save. */
export interface VariantDraft {
  key: string;
  id?: string;
  sku: string;
  title: string;
  price: string;
  stock: string;
}

export interface ProductDraft {
  title: string;
  description: string;
  category: string;
  /** Addresses of uploaded pictures, the cover first. */
  images: string[];
  commissionPercent: string;
  /** The product's own community-leader rate; empty = the operator's. */
  leaderPercent: string;
  /** Bought again and again: recommendations may show it to someone who just bought it. */
  repurchase: boolean;
  variants: VariantDraft[];
}

type ProductPatch = BodyOf<'/api/admin/products/{id}', 'patch'>;

/**
 * The body of a save, every field given. `stock` only for new variants: a saved variant's stock
 * changes through "Adjust stock", never a save.
 */
export type ProductInput = Required<Omit<ProductPatch, 'variants'>> & {
  variants: NonNullable<ProductPatch['variants']>;
};

let keys = 0;
export const newVariantDraft = (): VariantDraft => ({
  key: `new-${++keys}`,
  sku: '',
  title: '',
  price: '',
  stock: '0',
});

export const emptyDraft = (): ProductDraft => ({
  title: '',
  description: '',
  category: '',
  images: [],
  commissionPercent: '',
  leaderPercent: '',
  repurchase: false,
  variants: [newVariantDraft()],
});

export function draftOf(product: Product, digits: number): ProductDraft {
  return {
    title: product.title,
    description: product.description,
    category: product.category ?? '',
    images: [...product.images],
    commissionPercent: percentText(product.commissionRateBps),
    leaderPercent: percentText(product.leaderRateBps),
    repurchase: product.repurchase,
    variants: product.variants.map((v) => ({
      key: v.id,
      id: v.id,
      sku: v.sku,
      title: v.title,
      price: formatDecimal(v.price, digits),
      stock: String(v.stock),
    })),
  };
}

const BPS_PER_PERCENT_DIGITS = 2;
const MAX_BPS = 10_000;

const percentText = (bps: number | null) => (bps === null ? '' : formatDecimal(bps, BPS_PER_PERCENT_DIGITS));

/** An optional rate box: empty = null (the operator's rate), else basis points, or an error at `path`. */
function optionalBps(text: string, path: string, errors: FieldError[]): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const bps = parseDecimal(trimmed, BPS_PER_PERCENT_DIGITS);
  if (bps === null || bps > MAX_BPS) errors.push({ path, message: 'invalidPercent' });
  return bps;
}

/**
 * Converts the typed draft into the API body. Prices are parsed as decimal strings into minor
 * units (`digits` from the currency) so "12.90" is exactly 1290; errors use the API's paths.
 */
export function toProductInput(
  draft: ProductDraft,
  digits: number,
): { input: ProductInput; errors: [] } | { input: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // The server's schema rules, checked here first and worded by the same field texts.
  if (!draft.title.trim()) errors.push({ path: '/title', message: '', rule: 'required' });
  draft.variants.forEach((v, i) => {
    const sku = v.sku.trim();
    if (!sku) errors.push({ path: `/variants/${i}/sku`, message: '', rule: 'required' });
    else if (/\s/.test(sku)) errors.push({ path: `/variants/${i}/sku`, message: '', rule: 'pattern' });
    else if (draft.variants.slice(0, i).some((other) => other.sku.trim() === sku))
      errors.push({ path: `/variants/${i}/sku`, message: '', rule: 'unique' });
  });
  const commission = optionalBps(draft.commissionPercent, '/commissionRateBps', errors);
  const leaderRate = optionalBps(draft.leaderPercent, '/leaderRateBps', errors);
  const variants = draft.variants.map((v, i) => {
    const price = parseDecimal(v.price, digits);
    if (price === null) errors.push({ path: `/variants/${i}/price`, message: 'invalidPrice' });
    const fields = { sku: v.sku.trim(), title: v.title.trim(), price: price ?? 0 };
    if (v.id) return { id: v.id, ...fields };
    const stock = /^\d+$/.test(v.stock.trim()) ? Number(v.stock.trim()) : null;
    if (stock === null) errors.push({ path: `/variants/${i}/stock`, message: 'invalidStock' });
    return { ...fields, stock: stock ?? 0 };
  });
  if (errors.length > 0) return { input: null, errors };
  return {
    input: {
      title: draft.title.trim(),
      description: draft.description,
      category: draft.category.trim() || null,
      images: draft.images,
      commissionRateBps: commission,
      leaderRateBps: leaderRate,
      repurchase: draft.repurchase,
      variants,
    },
    errors: [],
  };
}
