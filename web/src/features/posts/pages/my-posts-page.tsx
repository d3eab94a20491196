import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useMyPosts } from '../api/feed';
import { StatsRow } from '../components/post-stats';

/** The author's console: every post of theirs, drafts too, with its figures. */
export function MyPostsPage() {
  const { t } = useTranslation();
  const mine = useMyPosts();
  const items = allItems(mine.data);
  return (
    <section className="page narrow" data-testid="my-posts-page">
      <h1>{t('posts.myPosts')}</h1>
      <Link className="btn btn-primary" to="/posts/new">
        {t('posts.write')}
      </Link>
      <ListStatus
        pending={mine.isPending}
        error={mine.error}
        empty={items.length === 0}
        emptyTitle={t('posts.noPosts')}
        emptyTestId="my-posts-empty"
      />
      <ul className="plain-list">
        {items.map(({ post, stats }) => (
          <li key={post.id} className="card my-post" data-testid="my-post">
            <Link to={`/posts/${encodeURIComponent(post.id)}`} className="my-post-body plain-text">
              {post.body}
            </Link>
            <small className="muted">
              {post.draft ? t('posts.draft') : null}
              {post.hidden ? t('posts.hidden') : null}
            </small>
            <StatsRow stats={stats} />
          </li>
        ))}
      </ul>
      <LoadMore pages={mine} />
    </section>
  );
}
