import { useTranslation } from 'react-i18next';

/** What "load more" needs of a paged query (TanStack Query's infinite queries have it all). */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function LoadMore({ pages }: { pages: PagedQuery }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="btn btn-outline"
        onClick={() => void pages.fetchNextPage()}
        disabled={pages.isFetchingNextPage}
        data-testid="load-more"
      >
        {pages.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
      </button>
    </div>
  );
}
