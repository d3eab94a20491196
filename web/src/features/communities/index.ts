export { CommunityOnlyNote } from './components/community-only-note';
export { PickupChoice } from './components/pickup-choice';
export { PickupCodeCard } from './components/pickup-code-card';
export { CommunitiesPage } from './pages/communities-page';
export { CommunityPage } from './pages/community-page';
export { LeaderCommunityPage } from './pages/leader-community-page';
export { LeaderPage } from './pages/leader-page';
