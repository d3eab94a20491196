import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}

export function LoadMore({ hasMore, loading, onLoad }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="btn btn-outline"
        onClick={onLoad}
        disabled={loading}
        data-testid="load-more"
      >
        {loading ? t('common.loading') : t('common.loadMore')}
      </button>
    </div>
  );
}
