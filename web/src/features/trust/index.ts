/** The trust value: the promoter's card, and the calls and parts list the console's views reuse. */
export { useSaveTrustSettings, useTrustDetail, useTrustList, useTrustSettings } from './api/trust';
export { MyTrustCard } from './components/my-trust-card';
export { TrustParts } from './components/trust-parts';
