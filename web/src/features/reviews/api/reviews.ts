import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call, type ResponseOf } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export type ProductReviewPage = ResponseOf<'/api/products/{id}/reviews', 'get'>;
export type Review = ProductReviewPage['items'][number];
export type RatingSummary = ResponseOf<'/api/products/{id}/rating', 'get'>;
export type OwnReview = ResponseOf<'/api/orders/{id}/reviews', 'get'>['items'][number];
export type ReviewInput = BodyOf<'/api/orders/{id}/reviews', 'post'>;
export type FollowUpInput = BodyOf<'/api/reviews/{id}/follow-up', 'post'>;
export type AdminReview = ResponseOf<'/api/admin/reviews', 'get'>['items'][number];

const productKey = (productId: string) => ['product-reviews', productId] as const;
const orderKey = (orderId: string) => ['order-reviews', orderId] as const;
const adminKey = ['admin-reviews'] as const;

/** A product's reviews, photos first then newest, page by page; each page carries the summary. */
export function useProductReviews(productId: string) {
  return usePagedCall(productKey(productId), async (cursor) =>
    call(
      apiClient.GET('/api/products/{id}/reviews', {
        params: { path: { id: productId }, query: { cursor, limit: 10 } },
      }),
    ),
  );
}

/** A product's rating summary (average, histogram, count) over its visible reviews. */
export function useRatingSummary(productId: string) {
  return useQuery({
    queryKey: [...productKey(productId), 'rating'],
    queryFn: () => call(apiClient.GET('/api/products/{id}/rating', { params: { path: { id: productId } } })),
  });
}

/** The buyer's reviews of their order and the lines still to review. */
export function useOrderReviews(orderId: string) {
  return useQuery({
    queryKey: orderKey(orderId),
    queryFn: () => call(apiClient.GET('/api/orders/{id}/reviews', { params: { path: { id: orderId } } })),
  });
}

export function useWriteReview(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewInput) =>
      call(apiClient.POST('/api/orders/{id}/reviews', { params: { path: { id: orderId } }, body })),
    onSuccess: (review) => {
      void client.invalidateQueries({ queryKey: orderKey(orderId) });
      for (const item of review.items)
        void client.invalidateQueries({ queryKey: productKey(item.productId) });
    },
  });
}

export function useFollowUp(orderId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpInput) =>
      call(apiClient.POST('/api/reviews/{id}/follow-up', { params: { path: { id: reviewId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKey(orderId) }),
  });
}

/** The console's reviews, newest first; `hidden` only the hidden ones. */
export function useAdminReviews(hidden: boolean) {
  return usePagedCall([...adminKey, hidden], (cursor) =>
    call(
      apiClient.GET('/api/admin/reviews', {
        params: { query: { cursor, limit: 20, ...(hidden ? { hidden: true } : {}) } },
      }),
    ),
  );
}

export function useModerateReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, hide, reason }: { id: string; hide: boolean; reason: string }) =>
      hide
        ? call(apiClient.POST('/api/admin/reviews/{id}/hide', { params: { path: { id } }, body: { reason } }))
        : call(
            apiClient.POST('/api/admin/reviews/{id}/restore', {
              params: { path: { id } },
              body: reason ? { reason } : {},
            }),
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKey }),
  });
}
