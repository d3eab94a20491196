import { useConfig } from '../../../lib/config';

/**
 * Whether the shop's market policy allows bargains (`/api/config` `policy.rules.bargains`):
 * undefined while the config loads, so callers choose what a guess would cost.
 */
export const useBargainsAllowed = (): boolean | undefined => useConfig().data?.policy.rules.bargains;
