export { useCategories } from './api/get-categories';
export { useProducts } from './api/get-products';
export { CATEGORY_ICON_NAMES, CategoryIcon, type CategoryIconName } from './components/category-icon';
export { CategoryName, displayName, useCategoryName } from './components/category-name';
export { PriceRange } from './components/price-range';
export { ProductCard } from './components/product-card';
export { HomePage } from './pages/home-page';
export { ProductPage } from './pages/product-page';
export type { Category, Product, Variant } from './types';
