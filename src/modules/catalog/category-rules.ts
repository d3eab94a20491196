/** Pure rules of managed categories: their icons, default names and order. */

/**
 * The icons a category may have: names of inline SVG icons the web draws itself
 * (`web/src/features/catalog/components/category-icon.tsx`), so nothing is downloaded and an
 * operator cannot point the storefront at an arbitrary image.
 */
export const CATEGORY_ICONS = [
  'tag',
  'leaf',
  'cup',
  'cookie',
  'utensils',
  'home',
  'sparkles',
  'device',
  'shirt',
  'gift',
  'heart',
  'star',
  'book',
  'basket',
] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

/** The name a category gets when a product brings a slug nobody named: "home-kitchen" → "Home kitchen". */
export function defaultCategoryName(slug: string): string {
  const words = slug.replace(/-+/g, ' ').trim();
  const [first = ''] = Array.from(words);
  return first.toUpperCase() + words.slice(first.length);
}

/**
 * The order after moving `slug` to `index` (0-based, clamped to the list): the others keep their
 * order around it. A slug not in the list leaves the order as it is.
 */
export function moveCategory(order: readonly string[], slug: string, index: number): string[] {
  if (!order.includes(slug)) return [...order];
  const rest = order.filter((s) => s !== slug);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), slug, ...rest.slice(at)];
}

/**
 * Why a new order cannot replace `current`: a slug given twice, one unknown, or one left out
 * (each named by its index in `given`, or the first missing). Null when it is a permutation.
 */
export function orderProblem(
  current: readonly string[],
  given: readonly string[],
): { index: number; rule: 'unique' | 'unknownCategory' | 'missingCategories'; slug: string } | null {
  const known = new Set(current);
  const seen = new Set<string>();
  for (const [index, slug] of given.entries()) {
    if (seen.has(slug)) return { index, rule: 'unique', slug };
    if (!known.has(slug)) return { index, rule: 'unknownCategory', slug };
    seen.add(slug);
  }
  const missing = current.find((slug) => !seen.has(slug));
  return missing === undefined ? null : { index: given.length, rule: 'missingCategories', slug: missing };
}
