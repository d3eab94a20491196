export { AdminCategoriesPage } from './pages/admin-categories-page';
export { AdminProductEditPage, AdminProductNewPage } from './pages/admin-product-edit-page';
export { AdminProductsPage } from './pages/admin-products-page';
