export { AdminCategoriesPage } from './pages/admin-categories-page';
export { AdminProductEditPage, AdminProductNewPage } from './pages/admin-product-edit-page';
export { AdminProductImportPage } from './pages/admin-product-import-page';
export { AdminProductsPage } from './pages/admin-products-page';
