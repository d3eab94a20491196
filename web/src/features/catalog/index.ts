export { PriceRange } from './components/price-range';
export { HomePage } from './pages/home-page';
export { ProductPage } from './pages/product-page';
export type { Category, Product, Variant } from './types';
