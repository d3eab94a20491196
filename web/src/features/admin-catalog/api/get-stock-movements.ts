import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type StockMovement = ResponseOf<'/api/admin/variants/{id}/stock', 'post'>;
export type StockMovementKind = StockMovement['kind'];

export const stockMovementsKey = (variantId: string) => ['stock-movements', variantId] as const;

const PAGE_SIZE = 10;

const getMovements = (id: string, cursor: string | undefined) =>
  call(
    apiClient.GET('/api/admin/variants/{id}/stock-movements', {
      params: { path: { id }, query: { cursor, limit: PAGE_SIZE } },
    }),
  );

/** A variant's stock history, newest first. */
export const useStockMovements = (variantId: string) =>
  useInfiniteQuery({
    queryKey: stockMovementsKey(variantId),
    queryFn: ({ pageParam }) => getMovements(variantId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
