export { MemberDiscountLine, useMemberDiscount } from './components/member-discount-line';
export { MyLevelPage } from './pages/my-level-page';
