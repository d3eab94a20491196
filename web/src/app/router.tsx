import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AccountPage } from '../features/account';
import { RequireAdmin, RequireAuth, SignInPage, SignUpPage } from '../features/auth';
import { CartPage } from '../features/cart';
import { HomePage, ProductPage } from '../features/catalog';
import { CheckoutPage, OrderDetailPage, OrdersPage, PayPage } from '../features/orders';
import { AdminLayout } from './layout/admin-layout';
import { ShopLayout } from './layout/shop-layout';
import { NotFoundPage } from './not-found-page';

// The admin console is only for operators: shoppers never download it.
const adminCatalog = () => import('../features/admin-catalog');
const adminOrders = () => import('../features/admin-orders');
const AdminProductsPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductsPage })));
const AdminProductNewPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductNewPage })));
const AdminProductEditPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductEditPage })));
const AdminOrdersPage = lazy(() => adminOrders().then((m) => ({ default: m.AdminOrdersPage })));
const AdminOrderPage = lazy(() => adminOrders().then((m) => ({ default: m.AdminOrderPage })));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

const router = createBrowserRouter([
  {
    element: <ShopLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'products/:id', element: <ProductPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'account', element: signedIn(<AccountPage />) },
      { path: 'checkout', element: signedIn(<CheckoutPage />) },
      { path: 'pay/:id', element: signedIn(<PayPage />) },
      { path: 'orders', element: signedIn(<OrdersPage />) },
      { path: 'orders/:id', element: signedIn(<OrderDetailPage />) },
      {
        path: 'admin',
        element: (
          <RequireAdmin>
            <AdminLayout />
          </RequireAdmin>
        ),
        children: [
          { index: true, element: <Navigate to="products" replace /> },
          { path: 'products', element: <AdminProductsPage /> },
          { path: 'products/new', element: <AdminProductNewPage /> },
          { path: 'products/:id', element: <AdminProductEditPage /> },
          { path: 'orders', element: <AdminOrdersPage /> },
          { path: 'orders/:id', element: <AdminOrderPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
