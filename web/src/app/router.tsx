import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AcademyPage, LessonPage, QuestionPage, QuestionsPage } from '../features/academy';
import { AccountPage } from '../features/account';
import { MyAfterSalesPage } from '../features/aftersales';
import {
  ForgotPasswordPage,
  isAdmin,
  RequireAdmin,
  RequireAuth,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
  useUser,
} from '../features/auth';
import { BargainPage, BargainsPage, MyBargainsPage } from '../features/bargains';
import { CartPage } from '../features/cart';
import { HomePage, ProductPage } from '../features/catalog';
import { CheckInPage } from '../features/checkins';
import { CommunitiesPage, CommunityPage, LeaderCommunityPage, LeaderPage } from '../features/communities';
import { CompetitionPage, CompetitionsPage } from '../features/competitions';
import { CouponCentrePage, MyCouponsPage } from '../features/coupons';
import { FlashSalesPage } from '../features/flashsales';
import { ClaimGiftPage, MyGiftsPage } from '../features/gifts';
import { GroupPage, MyGroupBuysPage } from '../features/groupbuy';
import { BadgesPage } from '../features/honours';
import { MyLevelPage } from '../features/levels';
import { HostRoomPage, HostRoomsPage, LiveRoomPage, LiveRoomsPage } from '../features/live';
import { NotificationsPage } from '../features/notifications';
import { CheckoutPage, OrderDetailPage, OrdersPage, PayPage } from '../features/orders';
import { PointsPage } from '../features/points';
import { MallItemPage, MyRedemptionsPage, PointsMallPage } from '../features/points-mall';
import { AdminPostsPage, ComposePage, FeedPage, MyPostsPage, PostPage, ProfilePage } from '../features/posts';
import {
  PromoteCommissionsPage,
  PromoteCustomersPage,
  PromoteLayout,
  PromoteLinksPage,
  PromoteOverviewPage,
  PromotePayoutPage,
  PromoteTeamPage,
  PromoteWithdrawalsPage,
} from '../features/promote';
import { MyStorePage, StorePage } from '../features/stores';
import { TasksPage } from '../features/tasks';
import { AdminLayout } from './layout/admin-layout';
import { ShopLayout } from './layout/shop-layout';
import { NotFoundPage } from './not-found-page';

// The admin console is only for operators: shoppers never download it.
const adminCatalog = () => import('../features/admin-catalog');
const adminOrders = () => import('../features/admin-orders');
const adminDistribution = () => import('../features/admin-distribution');
const adminStructure = () => import('../features/admin-structure');
const AdminDashboardPage = lazy(() =>
  import('../features/admin-analytics').then((m) => ({ default: m.AdminDashboardPage })),
);
const AdminSimulatorPage = lazy(() =>
  import('../features/admin-simulator').then((m) => ({ default: m.AdminSimulatorPage })),
);
const adminCoupons = () => import('../features/coupons/admin');
const adminGroupBuys = () => import('../features/groupbuy/admin');
const adminAttention = () => import('../features/admin-attention');
const adminAudit = () => import('../features/admin-audit');
const adminAfterSales = () => import('../features/aftersales/admin');
const adminShopkeepers = () => import('../features/stores/admin');
const adminCheckIns = () => import('../features/checkins/admin');
const AdminCommunitiesPage = lazy(() =>
  import('../features/communities/admin').then((m) => ({ default: m.AdminCommunitiesPage })),
);
const adminTasks = () => import('../features/tasks/admin');
const adminHonours = () => import('../features/honours/admin');
const adminAcademy = () => import('../features/academy/admin');
const adminCompetitions = () => import('../features/competitions/admin');
const AdminCompetitionsPage = lazy(() =>
  adminCompetitions().then((m) => ({ default: m.AdminCompetitionsPage })),
);
const AdminCompetitionNewPage = lazy(() =>
  adminCompetitions().then((m) => ({ default: m.AdminCompetitionNewPage })),
);
const AdminCompetitionPage = lazy(() =>
  adminCompetitions().then((m) => ({ default: m.AdminCompetitionPage })),
);
const AdminLivePage = lazy(() =>
  import('../features/live/admin').then((m) => ({ default: m.AdminLivePage })),
);
const adminPointsMall = () => import('../features/points-mall/admin');
const adminPoints = () => import('../features/points/admin');
const adminPeople = () => import('../features/people/admin');
const AdminPeoplePage = lazy(() => adminPeople().then((m) => ({ default: m.AdminPeoplePage })));
const AdminPersonPage = lazy(() => adminPeople().then((m) => ({ default: m.AdminPersonPage })));
const AdminProductsPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductsPage })));
const AdminProductImportPage = lazy(() =>
  adminCatalog().then((m) => ({ default: m.AdminProductImportPage })),
);
const AdminCategoriesPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminCategoriesPage })));
const AdminProductNewPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductNewPage })));
const AdminProductEditPage = lazy(() => adminCatalog().then((m) => ({ default: m.AdminProductEditPage })));
const AdminOrdersPage = lazy(() => adminOrders().then((m) => ({ default: m.AdminOrdersPage })));
const AdminOrderPage = lazy(() => adminOrders().then((m) => ({ default: m.AdminOrderPage })));
const AdminShipCsvPage = lazy(() => adminOrders().then((m) => ({ default: m.AdminShipCsvPage })));
const AdminDistributionSettingsPage = lazy(() =>
  adminDistribution().then((m) => ({ default: m.AdminDistributionSettingsPage })),
);
const AdminWithdrawalsPage = lazy(() =>
  adminDistribution().then((m) => ({ default: m.AdminWithdrawalsPage })),
);
const AdminPromotersPage = lazy(() => adminDistribution().then((m) => ({ default: m.AdminPromotersPage })));
const AdminStructurePage = lazy(() => adminStructure().then((m) => ({ default: m.AdminStructurePage })));
const AdminTrustPage = lazy(() => adminStructure().then((m) => ({ default: m.AdminTrustPage })));
const AdminTrustDetailPage = lazy(() => adminStructure().then((m) => ({ default: m.AdminTrustDetailPage })));
const AdminCouponsPage = lazy(() => adminCoupons().then((m) => ({ default: m.AdminCouponsPage })));
const AdminCouponNewPage = lazy(() => adminCoupons().then((m) => ({ default: m.AdminCouponNewPage })));
const AdminCouponEditPage = lazy(() => adminCoupons().then((m) => ({ default: m.AdminCouponEditPage })));
const AdminInvitationRewardsPage = lazy(() =>
  adminCoupons().then((m) => ({ default: m.AdminInvitationRewardsPage })),
);

const AdminPolicyPage = lazy(() =>
  import('../features/policy/admin').then((m) => ({ default: m.AdminPolicyPage })),
);
const AdminRecommendationsPage = lazy(() =>
  import('../features/recommendations/admin').then((m) => ({ default: m.AdminRecommendationsPage })),
);
const AdminFlashSalesPage = lazy(() =>
  import('../features/flashsales/admin').then((m) => ({ default: m.AdminFlashSalesPage })),
);
const AdminBargainsPage = lazy(() =>
  import('../features/bargains/admin').then((m) => ({ default: m.AdminBargainsPage })),
);
const AdminGroupBuysPage = lazy(() => adminGroupBuys().then((m) => ({ default: m.AdminGroupBuysPage })));
const AdminCampaignPage = lazy(() => adminGroupBuys().then((m) => ({ default: m.AdminCampaignPage })));
const AdminShopkeepersPage = lazy(() =>
  adminShopkeepers().then((m) => ({ default: m.AdminShopkeepersPage })),
);
const AdminCheckInSettingsPage = lazy(() =>
  adminCheckIns().then((m) => ({ default: m.AdminCheckInSettingsPage })),
);
const AdminHonoursPage = lazy(() => adminHonours().then((m) => ({ default: m.AdminHonoursPage })));
const AdminPointsSettingsPage = lazy(() =>
  adminPoints().then((m) => ({ default: m.AdminPointsSettingsPage })),
);
const AdminAttentionPage = lazy(() => adminAttention().then((m) => ({ default: m.AdminAttentionPage })));
const AdminAuditPage = lazy(() => adminAudit().then((m) => ({ default: m.AdminAuditPage })));
const AdminModerationPage = lazy(() =>
  import('../features/moderation/admin').then((m) => ({ default: m.AdminModerationPage })),
);

const adminLevels = () => import('../features/levels/admin');
const AdminShippingPage = lazy(() =>
  import('../features/shipping/admin').then((m) => ({ default: m.AdminShippingPage })),
);
const AdminLevelsPage = lazy(() => adminLevels().then((m) => ({ default: m.AdminLevelsPage })));
const AdminTasksPage = lazy(() => adminTasks().then((m) => ({ default: m.AdminTasksPage })));
const AdminTaskNewPage = lazy(() => adminTasks().then((m) => ({ default: m.AdminTaskNewPage })));
const AdminTaskEditPage = lazy(() => adminTasks().then((m) => ({ default: m.AdminTaskEditPage })));
const AdminAcademyPage = lazy(() => adminAcademy().then((m) => ({ default: m.AdminAcademyPage })));
const AdminPointsMallPage = lazy(() => adminPointsMall().then((m) => ({ default: m.AdminPointsMallPage })));
const AdminAfterSalesPage = lazy(() => adminAfterSales().then((m) => ({ default: m.AdminAfterSalesPage })));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** The console opens on the dashboard for admins; support staff, who may not see it, on the products. */
function AdminLanding() {
  return <Navigate to={isAdmin(useUser().user) ? 'dashboard' : 'products'} replace />;
}

const router = createBrowserRouter([
  {
    element: <ShopLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'products/:id', element: <ProductPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'account', element: signedIn(<AccountPage />) },
      { path: 'checkout', element: signedIn(<CheckoutPage />) },
      { path: 'pay/:id', element: signedIn(<PayPage />) },
      { path: 'orders', element: signedIn(<OrdersPage />) },
      { path: 'orders/:id', element: signedIn(<OrderDetailPage />) },
      { path: 'stores/:slug', element: <StorePage /> },
      { path: 'communities', element: <CommunitiesPage /> },
      { path: 'communities/:id', element: <CommunityPage /> },
      { path: 'leader', element: signedIn(<LeaderPage />) },
      { path: 'leader/:id', element: signedIn(<LeaderCommunityPage />) },
      { path: 'my-store', element: signedIn(<MyStorePage />) },
      { path: 'coupons', element: <CouponCentrePage /> },
      { path: 'my-coupons', element: signedIn(<MyCouponsPage />) },
      { path: 'groups/:id', element: <GroupPage /> },
      { path: 'flash-sales', element: <FlashSalesPage /> },
      // A gift's link is opened before signing in: the page asks for it when claiming.
      { path: 'gifts/:token', element: <ClaimGiftPage /> },
      { path: 'my-gifts', element: signedIn(<MyGiftsPage />) },
      { path: 'bargains', element: <BargainsPage /> },
      { path: 'bargains/:id', element: <BargainPage /> },
      { path: 'my-bargains', element: signedIn(<MyBargainsPage />) },
      { path: 'my-group-buys', element: signedIn(<MyGroupBuysPage />) },
      { path: 'notifications', element: signedIn(<NotificationsPage />) },
      { path: 'my-after-sales', element: signedIn(<MyAfterSalesPage />) },
      { path: 'check-in', element: signedIn(<CheckInPage />) },
      { path: 'level', element: signedIn(<MyLevelPage />) },
      { path: 'tasks', element: signedIn(<TasksPage />) },
      { path: 'badges', element: signedIn(<BadgesPage />) },
      { path: 'feed', element: <FeedPage /> },
      { path: 'posts/new', element: signedIn(<ComposePage />) },
      { path: 'posts/:id', element: <PostPage /> },
      { path: 'users/:id', element: <ProfilePage /> },
      { path: 'my-posts', element: signedIn(<MyPostsPage />) },
      { path: 'academy', element: <AcademyPage /> },
      { path: 'academy/lessons/:id', element: <LessonPage /> },
      { path: 'academy/questions', element: <QuestionsPage /> },
      { path: 'academy/questions/:id', element: <QuestionPage /> },
      { path: 'competitions', element: <CompetitionsPage /> },
      { path: 'competitions/:id', element: <CompetitionPage /> },
      { path: 'live', element: <LiveRoomsPage /> },
      { path: 'live/:id', element: <LiveRoomPage /> },
      { path: 'my-live', element: signedIn(<HostRoomsPage />) },
      { path: 'my-live/:id', element: signedIn(<HostRoomPage />) },
      { path: 'points-mall', element: <PointsMallPage /> },
      { path: 'points-mall/redemptions', element: signedIn(<MyRedemptionsPage />) },
      { path: 'points-mall/:itemId', element: <MallItemPage /> },
      { path: 'points', element: signedIn(<PointsPage />) },
      {
        path: 'promote',
        element: signedIn(<PromoteLayout />),
        children: [
          { index: true, element: <PromoteOverviewPage /> },
          { path: 'links', element: <PromoteLinksPage /> },
          { path: 'commissions', element: <PromoteCommissionsPage /> },
          { path: 'withdrawals', element: <PromoteWithdrawalsPage /> },
          { path: 'payout', element: <PromotePayoutPage /> },
          { path: 'customers', element: <PromoteCustomersPage /> },
          { path: 'team', element: <PromoteTeamPage /> },
        ],
      },
      {
        path: 'admin',
        element: (
          <RequireAdmin>
            <AdminLayout />
          </RequireAdmin>
        ),
        children: [
          { index: true, element: <AdminLanding /> },
          { path: 'dashboard', element: <AdminDashboardPage /> },
          { path: 'simulator', element: <AdminSimulatorPage /> },
          { path: 'products', element: <AdminProductsPage /> },
          { path: 'categories', element: <AdminCategoriesPage /> },
          { path: 'products/new', element: <AdminProductNewPage /> },
          { path: 'products/import', element: <AdminProductImportPage /> },
          { path: 'products/:id', element: <AdminProductEditPage /> },
          { path: 'orders', element: <AdminOrdersPage /> },
          { path: 'orders/ship-csv', element: <AdminShipCsvPage /> },
          { path: 'orders/:id', element: <AdminOrderPage /> },
          { path: 'people', element: <AdminPeoplePage /> },
          { path: 'people/:id', element: <AdminPersonPage /> },
          { path: 'distribution', element: <AdminDistributionSettingsPage /> },
          { path: 'withdrawals', element: <AdminWithdrawalsPage /> },
          { path: 'promoters', element: <AdminPromotersPage /> },
          { path: 'structure', element: <AdminStructurePage /> },
          { path: 'trust', element: <AdminTrustPage /> },
          { path: 'trust/:userId', element: <AdminTrustDetailPage /> },
          { path: 'coupons', element: <AdminCouponsPage /> },
          { path: 'coupons/new', element: <AdminCouponNewPage /> },
          { path: 'coupons/:id', element: <AdminCouponEditPage /> },
          { path: 'invitation-rewards', element: <AdminInvitationRewardsPage /> },
          { path: 'check-ins', element: <AdminCheckInSettingsPage /> },
          { path: 'group-buys', element: <AdminGroupBuysPage /> },
          { path: 'flash-sales', element: <AdminFlashSalesPage /> },
          { path: 'recommendations', element: <AdminRecommendationsPage /> },
          { path: 'policy', element: <AdminPolicyPage /> },
          { path: 'bargains', element: <AdminBargainsPage /> },
          { path: 'group-buys/:id', element: <AdminCampaignPage /> },
          { path: 'shopkeepers', element: <AdminShopkeepersPage /> },
          { path: 'communities', element: <AdminCommunitiesPage /> },
          { path: 'attention', element: <AdminAttentionPage /> },
          { path: 'after-sales', element: <AdminAfterSalesPage /> },
          { path: 'levels', element: <AdminLevelsPage /> },
          { path: 'shipping', element: <AdminShippingPage /> },
          { path: 'tasks', element: <AdminTasksPage /> },
          { path: 'tasks/new', element: <AdminTaskNewPage /> },
          { path: 'tasks/:id', element: <AdminTaskEditPage /> },
          { path: 'honours', element: <AdminHonoursPage /> },
          { path: 'academy', element: <AdminAcademyPage /> },
          { path: 'competitions', element: <AdminCompetitionsPage /> },
          { path: 'competitions/new', element: <AdminCompetitionNewPage /> },
          { path: 'competitions/:id', element: <AdminCompetitionPage /> },
          { path: 'points-mall', element: <AdminPointsMallPage /> },
          { path: 'points', element: <AdminPointsSettingsPage /> },
          { path: 'audit', element: <AdminAuditPage /> },
          { path: 'moderation', element: <AdminModerationPage /> },
          { path: 'live', element: <AdminLivePage /> },
          { path: 'posts', element: <AdminPostsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
