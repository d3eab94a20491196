export { type GiftChoice, GiftToggle } from './components/gift-toggle';
export { OrderGiftCard } from './components/order-gift-card';
export { ClaimGiftPage } from './pages/claim-gift-page';
export { MyGiftsPage } from './pages/my-gifts-page';
