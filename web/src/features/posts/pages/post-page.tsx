import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { ReportButton } from '../../moderation';
import { PolicyDisclosure } from '../../policy';
import { ShareButton } from '../../sharing';
import { countProductClick, useDeletePost, useLike, usePost, usePublishPost } from '../api/post';
import { Comments } from '../components/comments';
import { PostStatsCard } from '../components/post-stats';
import { type Post, productPath, type TaggedProduct } from '../types';

function ProductTag({ post, product, note }: { post: Post; product: TaggedProduct; note?: string }) {
  const navigate = useNavigate();
  const money = useMoney();
  const path = productPath(product.id, post.id);
  return (
    <a
      href={path}
      className="card post-product"
      data-testid="post-product"
      onClick={(event) => {
        event.preventDefault();
        // Counted on the way; the product opens whether or not the count arrives.
        void countProductClick(post.id, product.id).catch(() => undefined);
        void navigate(path);
      }}
    >
      <ProductImage
        src={product.image ?? undefined}
        alt={product.title}
        className="post-product-image"
        sizes="64px"
      />
      <span className="post-product-text">
        <span>{product.title}</span>
        {product.price !== null ? <strong>{money(product.price)}</strong> : null}
        {note ? <small className="muted plain-text">{note}</small> : null}
      </span>
    </a>
  );
}

function LikeButton({ post }: { post: Post }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const like = useLike(post);
  if (!user)
    return (
      <Link className="btn btn-outline" to={`/signin?next=${encodeURIComponent(`/posts/${post.id}`)}`}>
        ♡ {post.likes}
      </Link>
    );
  return (
    <>
      <button
        type="button"
        className={`btn ${post.liked ? 'btn-primary' : 'btn-outline'}`}
        aria-pressed={post.liked}
        onClick={() => like.mutate(!post.liked)}
        disabled={like.isPending || post.draft}
        data-testid="like-button"
      >
        {post.liked ? '♥' : '♡'} <span data-testid="like-count">{post.likes}</span>
        <span className="visually-hidden">{t('posts.like')}</span>
      </button>
      <ErrorMessage error={like.error} />
    </>
  );
}

function OwnerActions({ post }: { post: Post }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishPost(post.id);
  const remove = useDeletePost(post.id);
  return (
    <div className="post-owner-actions">
      {post.draft ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => publish.mutate()}
          disabled={publish.isPending}
          data-testid="post-publish"
        >
          {t('posts.publish')}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-outline"
        onClick={() => {
          if (window.confirm(t('posts.confirmDelete')))
            remove.mutate(undefined, { onSuccess: () => void navigate('/feed') });
        }}
        disabled={remove.isPending}
        data-testid="post-delete"
      >
        {t('posts.delete')}
      </button>
      <ErrorMessage error={publish.error ?? remove.error} />
    </div>
  );
}

/** A post: its pictures, its text (escaped), tagged products, likes, sharing and comments. */
export function PostPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const post = usePost(id, user?.id);
  const when = useDateTime();
  if (post.isPending) return <Spinner />;
  if (post.error || !post.data)
    return (
      <section className="page narrow" data-testid="post-missing">
        <ErrorMessage error={post.error} />
        <Link to="/feed">{t('posts.backToFeed')}</Link>
      </section>
    );
  const p = post.data;
  const listed = new Set(p.listItems.map((i) => i.product.id));
  return (
    <article className="page narrow post-page" data-testid="post-page">
      {p.products.length > 0 ? <PolicyDisclosure /> : null}
      {p.images.length > 0 ? (
        <div className="post-images">
          {p.images.map((src, i) => (
            <ProductImage
              key={src}
              src={src}
              alt={t('posts.imageOf', { index: i + 1 })}
              className="post-image"
            />
          ))}
        </div>
      ) : null}
      <div className="post-author">
        <Link to={`/users/${encodeURIComponent(p.author.id)}`} data-testid="post-author">
          {p.author.name}
        </Link>
        <small className="muted">{when(p.publishedAt ?? p.createdAt)}</small>
      </div>
      {p.draft ? <p className="badge">{t('posts.draftNotice')}</p> : null}
      {p.hidden ? <p className="badge badge-warning">{t('posts.hiddenNotice')}</p> : null}
      {p.kind === 'list' ? <h1 className="post-list-title">{t('posts.listTitle')}</h1> : null}
      {/* React escapes text: whatever was typed shows as typed, never as markup. */}
      <p className="post-body plain-text" data-testid="post-body">
        {p.body}
      </p>
      {p.videoUrl ? (
        <a href={p.videoUrl} target="_blank" rel="noopener noreferrer nofollow" className="btn btn-outline">
          {t('posts.watchVideo')}
        </a>
      ) : null}
      {p.kind === 'list' ? (
        <ol className="post-list plain-list">
          {p.listItems.map((item) => (
            <li key={item.product.id}>
              <ProductTag post={p} product={item.product} note={item.note} />
            </li>
          ))}
        </ol>
      ) : null}
      {p.products.filter((pr) => !listed.has(pr.id)).length > 0 ? (
        <div className="post-products">
          {p.products
            .filter((pr) => !listed.has(pr.id))
            .map((product) => (
              <ProductTag key={product.id} post={p} product={product} />
            ))}
        </div>
      ) : null}
      <div className="post-actions">
        <LikeButton post={p} />
        {!p.draft && !p.hidden ? <ShareButton target={{ postId: p.id }} /> : null}
        {!p.mine && !p.draft ? <ReportButton type="post" id={p.id} /> : null}
      </div>
      {p.mine ? (
        <>
          <OwnerActions post={p} />
          <PostStatsCard postId={p.id} />
        </>
      ) : null}
      {!p.draft ? <Comments postId={p.id} /> : null}
    </article>
  );
}
