export { MyStorePage } from './pages/my-store-page';
export { StorePage } from './pages/store-page';
export { storeVisit } from './store-visit';
