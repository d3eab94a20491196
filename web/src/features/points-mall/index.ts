export { MallItemPage } from './pages/mall-item-page';
export { MyRedemptionsPage } from './pages/my-redemptions-page';
export { PointsMallPage } from './pages/points-mall-page';
