export { PointsToggle } from './components/points-toggle';
export { PointsPage } from './pages/points-page';
export type { ChosenPoints } from './types';
