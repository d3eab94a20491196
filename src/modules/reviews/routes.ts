import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { FOLLOW_UP_AFTER_DAYS, MAX_REVIEW_IMAGES } from './rules.js';
import {
  AdminReviewPage,
  AdminReviewSchema,
  AdminReviewsQuery,
  FollowUpBody,
  HideBody,
  IdParams,
  OrderReviews,
  OwnReviewSchema,
  ProductReviewPage,
  ProductReviewsQuery,
  RatingSummarySchema,
  RestoreBody,
  ReviewBody,
} from './schemas.js';
import type { ReviewsService } from './service.js';

const tags = ['reviews'];
const SIGNED_IN = { 400: ProblemResponse, 401: ProblemResponse, 404: ProblemResponse };

export const reviewsRoutes: FastifyPluginAsyncTypebox<{ reviews: ReviewsService }> = async (
  app,
  { reviews },
) => {
  app.post(
    '/api/orders/:id/reviews',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Review an order',
        description:
          'The order’s buyer, once the order is paid, shipped or completed (otherwise 409 ' +
          '`review_order_not_reviewable`): a verified-purchase review, rating 1..5 with text and up to ' +
          `${MAX_REVIEW_IMAGES} of the buyer’s own uploads. Each order line is reviewed once: with ` +
          '`orderItemId` the review covers that line; without it, every line of the order not reviewed yet ' +
          'nor refunded in full (for a one-line order, the whole order). Naming a line refunded in full is ' +
          '409 `review_line_refunded`. Nothing left to review — a second review of the order, or of a line ' +
          'reviewed already, or only refunded lines left — is 409 `review_already_written`. Growth and task ' +
          'progress for reviewing count once per order, however many reviews. A line not of this order is 404; ' +
          'another person’s order is 404. Someone banned from posting is 403 `posting_banned`. Text is stored ' +
          'as typed; render it escaped. Nothing is ever written on a buyer’s behalf.',
        params: IdParams,
        body: ReviewBody,
        response: { 201: OwnReviewSchema, ...SIGNED_IN, 403: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reviews.create(requireUser(request).id, request.params.id, request.body)),
  );

  app.get(
    '/api/orders/:id/reviews',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My reviews of an order',
        description:
          'The order’s buyer: their reviews of it (hidden ones too, marked), when each may get its follow-up, ' +
          'and the lines still to review (none refunded in full). Another person’s order is 404.',
        params: IdParams,
        response: { 200: OrderReviews, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => reviews.ofOrder(requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/reviews/:id/follow-up',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Follow up a review',
        description:
          `The review’s author, once, ${FOLLOW_UP_AFTER_DAYS} days or more after the review (earlier: 422 ` +
          '`review_follow_up_too_early` with `availableAt`; a second: 409 `review_follow_up_exists`): how the ' +
          'product held up, in text and photos. The rating stays the first review’s. Another person’s review is 404.',
        params: IdParams,
        body: FollowUpBody,
        response: {
          200: OwnReviewSchema,
          ...SIGNED_IN,
          403: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request) => reviews.followUp(requireUser(request).id, request.params.id, request.body),
  );

  app.get(
    '/api/products/:id/reviews',
    {
      schema: {
        tags,
        summary: 'A product’s reviews',
        description:
          'Anyone. Visible reviews of the product, each a verified purchase (`verifiedPurchase: true`): those ' +
          'with photos first, then the newest; with the rating summary (average, histogram 1..5, count) of ' +
          'the same visible reviews. Reviews the operator hid, and those of an order since refunded in full ' +
          '(hidden with reason `order_refunded`), are in neither. An unknown product has none.',
        params: IdParams,
        querystring: ProductReviewsQuery,
        response: { 200: ProductReviewPage, 400: ProblemResponse },
      },
    },
    async (request) => reviews.ofProduct(request.params.id, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/products/:id/rating',
    {
      schema: {
        tags,
        summary: 'A product’s rating summary',
        description:
          'Anyone. Average (two decimals, null without reviews), histogram of ratings 1..5 and count, over the ' +
          'product’s visible reviews (as on its reviews list).',
        params: IdParams,
        response: { 200: RatingSummarySchema, 400: ProblemResponse },
      },
    },
    async (request) => reviews.summary(request.params.id),
  );

  await app.register(reviewsAdminRoutes, { reviews });
};

const adminTags = ['admin', 'reviews'];
const ADMIN = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };

const reviewsAdminRoutes: FastifyPluginAsyncTypebox<{ reviews: ReviewsService }> = async (
  app,
  { reviews },
) => {
  app.addHook('onRequest', adminOnly);

  app.get(
    '/api/admin/reviews',
    {
      schema: {
        tags: adminTags,
        summary: 'Reviews',
        description:
          'Support staff and admins. Every review, newest first, hidden ones too; by `hidden` and `productId`.',
        querystring: AdminReviewsQuery,
        response: { 200: AdminReviewPage, ...ADMIN },
      },
    },
    async (request) => reviews.adminList({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/reviews/:id/hide',
    {
      schema: {
        tags: adminTags,
        summary: 'Hide a review',
        description:
          'Support staff and admins, with the reason (kept, and in the audit log). The review leaves the ' +
          'product’s list and rating summary; its author still sees it, marked hidden. Hiding again changes the reason.',
        params: IdParams,
        body: HideBody,
        response: { 200: AdminReviewSchema, ...ADMIN, 404: ProblemResponse },
      },
    },
    async (request) => reviews.hide(request.params.id, request.body.reason, auditContext(request)),
  );

  app.post(
    '/api/admin/reviews/:id/restore',
    {
      schema: {
        tags: adminTags,
        summary: 'Restore a hidden review',
        description:
          'Support staff and admins: the review is back on the product page and in its summary (an optional ' +
          'note goes to the audit log). Restoring a visible review changes nothing.',
        params: IdParams,
        body: RestoreBody,
        response: { 200: AdminReviewSchema, ...ADMIN, 404: ProblemResponse },
      },
    },
    async (request) => reviews.restore(request.params.id, request.body.reason ?? null, auditContext(request)),
  );
};
