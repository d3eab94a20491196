export { recordActivity } from './api/recommendations';
export { AlsoBought } from './components/also-bought';
export { ForYouSection } from './components/for-you-section';
export { FriendsBoughtBadge } from './components/friends-bought-badge';
