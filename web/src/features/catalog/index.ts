export { useProduct } from './api/get-product';
export { useProducts } from './api/get-products';
export { PriceRange } from './components/price-range';
export { ProductCard } from './components/product-card';
export { HomePage } from './pages/home-page';
export { ProductPage } from './pages/product-page';
export type { Category, Product, Variant } from './types';
