/** Pure catalog rules. */

/** A category is a short lowercase slug ("home-kitchen"); people type names, so names become slugs. */
export function categorySlug(input: string): string {
  const slug = input
    .trim()
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+/, '');
  // Cut by code points, not UTF-16 units, so a CJK extension character is never split in half;
  // trim dashes after the cut so "…-b" cut at 40 does not end with a dash.
  return Array.from(slug).slice(0, 40).join('').replace(/-+$/, '');
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PricedVariant {
  price: number;
  stock: number;
}

/** The "from" price shown on product cards and whether anything can be bought at all. */
export function priceSummary(variants: readonly PricedVariant[]) {
  if (variants.length === 0) return { minPrice: null, maxPrice: null, inStock: false };
  const prices = variants.map((v) => v.price);
  return {
    minPrice: Math.min(...prices),
    maxPrice: Math.max(...prices),
    inStock: variants.some((v) => v.stock > 0),
  };
}
