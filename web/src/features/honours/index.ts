export { MyEarnedBadges } from './components/my-earned-badges';
export { StoreOwnerBadges } from './components/store-owner-badges';
export { BadgesPage } from './pages/badges-page';
