import type { BodyOf, ResponseOf } from '../../lib/api';

export type Post = ResponseOf<'/api/posts/{id}', 'get'>;
export type PostInput = BodyOf<'/api/posts', 'post'>;
export type Comment = ResponseOf<'/api/posts/{id}/comments', 'get'>['items'][number];
export type Profile = ResponseOf<'/api/users/{id}/profile', 'get'>;
export type PostStats = ResponseOf<'/api/posts/{id}/stats', 'get'>;
export type TaggedProduct = Post['products'][number];

/** A tagged product's page, carrying the post so the sale is credited to it. */
export const productPath = (productId: string, postId: string) =>
  `/products/${encodeURIComponent(productId)}?post=${encodeURIComponent(postId)}`;
