export { CommunityGroupBuys } from './components/community-group-buys';
export { formatRemaining, useRemaining } from './components/countdown';
export { leaderPriceOf, startGroupPurchase, useGroupDeal } from './components/group-checkout';
export { ProductGroupBuys } from './components/product-group-buys';
export { GroupPage } from './pages/group-page';
export { MyGroupBuysPage } from './pages/my-group-buys-page';
export type { OrderGroupStatus } from './types';
