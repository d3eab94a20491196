import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/get-categories';
import type { Category } from '../types';

type Names = Category['names'];

/** A category's display name in the interface language (English when that one is missing). */
export const displayName = (names: Names, language: string) =>
  (language === 'zh-CN' ? names['zh-CN'] : names.en) || names.en;

/**
 * The display name of a category slug in the reader's language, from the storefront's category
 * list; the slug itself while the list loads or for a category with no active products.
 */
export function useCategoryName() {
  const { i18n } = useTranslation();
  const { data } = useCategories();
  return (slug: string) => {
    const category = data?.items.find((c) => c.slug === slug);
    return category ? displayName(category.names, i18n.language) : slug;
  };
}

export function CategoryName({ slug }: { slug: string }) {
  return <>{useCategoryName()(slug)}</>;
}
