import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import { usePostStats } from '../api/post';
import type { PostStats } from '../types';

const FIGURES = ['views', 'likes', 'comments', 'clicks', 'orders'] as const;

export function StatsRow({ stats }: { stats: PostStats }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <dl className="post-stats" data-testid="post-stats">
      {FIGURES.map((f) => (
        <div key={f}>
          <dt>{t(`posts.stats.${f}`)}</dt>
          <dd data-testid={`post-stat-${f}`}>{stats[f]}</dd>
        </div>
      ))}
      <div>
        <dt>{t('posts.stats.gmv')}</dt>
        <dd data-testid="post-stat-gmv" data-amount={stats.gmv}>
          {money(stats.gmv)}
        </dd>
      </div>
    </dl>
  );
}

/** The author's figures for one post. */
export function PostStatsCard({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const stats = usePostStats(postId, true);
  return (
    <section className="card">
      <h2>{t('posts.stats.title')}</h2>
      {stats.isPending ? (
        <Spinner />
      ) : stats.error ? (
        <ErrorMessage error={stats.error} />
      ) : stats.data ? (
        <StatsRow stats={stats.data} />
      ) : null}
    </section>
  );
}
