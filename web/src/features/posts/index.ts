export { AdminPostsPage } from './pages/admin-posts-page';
export { ComposePage } from './pages/compose-page';
export { FeedPage } from './pages/feed-page';
export { MyPostsPage } from './pages/my-posts-page';
export { PostPage } from './pages/post-page';
export { ProfilePage } from './pages/profile-page';
