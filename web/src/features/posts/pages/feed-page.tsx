import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { useFeed } from '../api/feed';
import { PostGrid } from '../components/post-tile';

/** The feed as a two-column picture grid: followed people first, then popular posts. */
export function FeedPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const feed = useFeed(user?.id);
  const items = allItems(feed.data);
  return (
    <section className="page feed-page" data-testid="feed-page">
      <div className="feed-head">
        <h1>{t('posts.feed')}</h1>
        {user ? (
          <Link className="btn btn-primary" to="/posts/new" data-testid="compose-open">
            {t('posts.write')}
          </Link>
        ) : (
          <Link className="btn btn-outline" to={`/signin?next=${encodeURIComponent('/posts/new')}`}>
            {t('posts.signInToWrite')}
          </Link>
        )}
      </div>
      <ListStatus
        pending={feed.isPending}
        error={feed.error}
        empty={items.length === 0}
        emptyTitle={t('posts.emptyFeed')}
        emptyTestId="feed-empty"
      />
      <PostGrid posts={items} />
      <LoadMore pages={feed} />
    </section>
  );
}
