export { useBargainsAllowed } from './api/bargains-allowed';
export { BargainStrip } from './components/bargain-strip';
export { BargainPage } from './pages/bargain-page';
export { BargainsPage } from './pages/bargains-page';
export { MyBargainsPage } from './pages/my-bargains-page';
