import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { useUserPosts } from '../api/feed';
import { useFollow, useProfile } from '../api/profile';
import { PostGrid } from '../components/post-tile';

/** Someone's page: name, counts, badges, follow/unfollow, and their posts. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const profile = useProfile(id, user?.id);
  const posts = useUserPosts(id, user?.id);
  const follow = useFollow(id);
  if (profile.isPending) return <Spinner />;
  if (profile.error || !profile.data)
    return (
      <section className="page narrow">
        <ErrorMessage error={profile.error} />
      </section>
    );
  const p = profile.data;
  const items = allItems(posts.data);
  return (
    <section className="page profile-page" data-testid="profile-page">
      <header className="profile-head">
        <span className="avatar" aria-hidden="true">
          {p.name.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <div>
          <h1 data-testid="profile-name">{p.name}</h1>
          <p className="muted profile-counts">
            <span data-testid="profile-followers">{t('posts.followers', { count: p.followers })}</span> ·{' '}
            {t('posts.following', { count: p.following })} · {t('posts.postCount', { count: p.posts })} ·{' '}
            {t('posts.likesReceived', { count: p.likes })}
          </p>
          {p.badges.length > 0 ? (
            <p className="chips">
              {p.badges.map((b) => (
                <span key={b.badge} className="chip">
                  {t(`honours.names.${b.badge}`, { defaultValue: b.badge })} ·{' '}
                  {t(`honours.tiers.${b.tier}`, { defaultValue: b.tier })}
                </span>
              ))}
            </p>
          ) : null}
        </div>
      </header>
      {p.mine ? (
        <Link className="btn btn-outline" to="/my-posts" data-testid="my-posts-link">
          {t('posts.myPosts')}
        </Link>
      ) : user ? (
        <button
          type="button"
          className={`btn ${p.followedByMe ? 'btn-outline' : 'btn-primary'}`}
          onClick={() => follow.mutate(!p.followedByMe)}
          disabled={follow.isPending}
          data-testid="follow-button"
        >
          {p.followedByMe ? t('posts.unfollow') : t('posts.follow')}
        </button>
      ) : (
        <Link className="btn btn-primary" to={`/signin?next=${encodeURIComponent(`/users/${id}`)}`}>
          {t('posts.follow')}
        </Link>
      )}
      <ErrorMessage error={follow.error} />
      {posts.isPending ? <Spinner /> : null}
      {!posts.isPending && items.length === 0 ? (
        <p className="muted" data-testid="profile-empty">
          {t('posts.noPosts')}
        </p>
      ) : null}
      <PostGrid posts={items} />
      <LoadMore pages={posts} />
    </section>
  );
}
