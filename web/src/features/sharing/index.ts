export { useMyShareLinks } from './api/get-my-share-links';
export { ReferralDisclosure } from './components/referral-disclosure';
export { ShareAssets } from './components/share-assets';
export { ShareButton } from './components/share-button';
export type { LinkStats, ShareLink, ShareLinkWithStats, ShareTargetType } from './types';
