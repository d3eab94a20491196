import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import type { Post } from '../types';

/** One post in the two-column grid: its picture (or a tagged product's), first line, author, likes. */
export function PostTile({ post }: { post: Post }) {
  const { t } = useTranslation();
  const picture = post.images[0] ?? post.products[0]?.image ?? undefined;
  return (
    <Link to={`/posts/${encodeURIComponent(post.id)}`} className="post-tile" data-testid="post-tile">
      <ProductImage src={picture} alt={post.body} className="post-tile-image" sizes="50vw" />
      {post.kind === 'list' ? <span className="badge post-tile-kind">{t('posts.list')}</span> : null}
      {/* Text goes through React, which escapes it: a post's body is never HTML. */}
      <span className="post-tile-body">{post.body}</span>
      <span className="post-tile-meta">
        <span className="muted">{post.author.name}</span>
        <span>
          <span aria-hidden="true">♥ </span>
          <span className="visually-hidden">{t('posts.likesLabel', { count: post.likes })}</span>
          <span aria-hidden="true">{post.likes}</span>
        </span>
      </span>
      {post.draft ? <span className="badge">{t('posts.draft')}</span> : null}
    </Link>
  );
}

/** A two-column grid of posts, like a picture-first social feed. */
export function PostGrid({ posts }: { posts: readonly Post[] }) {
  return (
    <ul className="post-grid plain-list" data-testid="post-grid">
      {posts.map((post) => (
        <li key={post.id}>
          <PostTile post={post} />
        </li>
      ))}
    </ul>
  );
}
