export { leastEarnings, useShareEarning, useShareEarnings } from './api/get-share-earnings';
export { EarnBadge } from './components/earn-badge';
export type { ShareEarning } from './types';
