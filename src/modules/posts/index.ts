/** The posts module's one entry: posts and purchase lists, likes, comments, follows, the feed. */
export type { PostsPorts } from './context.js';
export { postsReasons } from './reasons.js';
export { postsRoutes } from './routes.js';
export type { Post, PostInput, PostStats, TaggedProduct } from './schemas.js';
export type { PostsService } from './service.js';
export { createPostsService } from './service.js';
export { registerPostTarget } from './share-card.js';
