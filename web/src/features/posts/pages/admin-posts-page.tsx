import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useAllPosts } from '../api/feed';
import { StatsRow } from '../components/post-stats';

/** The console's content view: every published post, hidden ones marked, with what it sold. */
export function AdminPostsPage() {
  const { t } = useTranslation();
  const posts = useAllPosts();
  const items = allItems(posts.data);
  return (
    <section className="page" data-testid="admin-posts-page">
      <h1>{t('posts.admin.title')}</h1>
      <p className="muted">{t('posts.admin.intro')}</p>
      <ListStatus
        pending={posts.isPending}
        error={posts.error}
        empty={items.length === 0}
        emptyTitle={t('posts.noPosts')}
        emptyTestId="admin-posts-empty"
      />
      <ul className="plain-list">
        {items.map(({ post, stats }) => (
          <li key={post.id} className="card my-post" data-testid="admin-post">
            <Link to={`/posts/${encodeURIComponent(post.id)}`} className="my-post-body plain-text">
              {post.body}
            </Link>
            <small className="muted">
              {t('posts.admin.by', { name: post.author.name })}
              {post.hidden ? ` · ${t('posts.hidden')}` : null}
            </small>
            <StatsRow stats={stats} />
          </li>
        ))}
      </ul>
      <LoadMore pages={posts} />
    </section>
  );
}
