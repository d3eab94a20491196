import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { FOLLOW_UP_AFTER_DAYS, MAX_REVIEW_IMAGES, MAX_REVIEW_TEXT } from './rules.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

const Images = Type.Array(Id, {
  maxItems: MAX_REVIEW_IMAGES,
  uniqueItems: true,
  description: `Up to ${MAX_REVIEW_IMAGES} of the reviewer’s own uploads by \`id\` (POST /api/uploads?purpose=review); another person’s upload is 404 \`upload_not_found\`.`,
});

export const ReviewBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    body: NonBlankText(MAX_REVIEW_TEXT),
    images: Type.Optional(Images),
    orderItemId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'One line of the order (its `items[].id`); without it the review covers every line not yet reviewed.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const FollowUpBody = Type.Object(
  { body: NonBlankText(MAX_REVIEW_TEXT), images: Type.Optional(Images) },
  { additionalProperties: false },
);

export const HideBody = Type.Object({ reason: NonBlankText(500) }, { additionalProperties: false });
export const RestoreBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

const FollowUp = Type.Object({
  body: Type.String(),
  images: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});

/** A review as product pages show it: the author's name masked, text as typed (render it escaped). */
export const ReviewSchema = Type.Object({
  id: Type.String(),
  author: Type.Object({ name: Type.String({ description: 'Masked, as on every public page.' }) }),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  body: Type.String(),
  images: Type.Array(Type.String(), {
    description: 'Image URLs (the largest width; smaller ones by suffix).',
  }),
  verifiedPurchase: Type.Literal(true, { description: 'Always: only a buyer of a paid order writes one.' }),
  variants: Type.Array(Type.String(), { description: 'The variants bought, of the product listed.' }),
  followUp: Nullable(FollowUp),
  createdAt: Type.String({ format: 'date-time' }),
});

export const RatingSummarySchema = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  average: Nullable(
    Type.Number({ minimum: 1, maximum: 5, description: 'Two decimals; null without reviews.' }),
  ),
  histogram: Type.Array(
    Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), count: Type.Integer() }),
    {
      description: 'Ratings 1 to 5, each present.',
    },
  ),
});

export const ProductReviewPage = Type.Object({
  items: Type.Array(ReviewSchema),
  nextCursor: Nullable(Type.String()),
  summary: RatingSummarySchema,
});

const ReviewedLine = Type.Object({
  orderItemId: Type.String(),
  productId: Type.String(),
  title: Type.String(),
  variantTitle: Type.String(),
});

/** A review as its author sees it on the order page. */
export const OwnReviewSchema = Type.Object({
  ...ReviewSchema.properties,
  orderId: Type.String(),
  items: Type.Array(ReviewedLine),
  hidden: Type.Boolean({
    description: 'Hidden by the operator, or because the order was refunded in full: not on product pages.',
  }),
  followUpAvailableAt: Nullable(
    Type.String({
      format: 'date-time',
      description: `From when its one follow-up may be written (${FOLLOW_UP_AFTER_DAYS} days after the review); null once written.`,
    }),
  ),
});

export const OrderReviews = Type.Object({
  items: Type.Array(OwnReviewSchema),
  nextCursor: Type.Null(),
  reviewableItemIds: Type.Array(Type.String(), {
    description:
      'Lines of the order not reviewed yet; empty when the order is not reviewable (unpaid, refunded).',
  }),
});

export const AdminReviewSchema = Type.Object({
  ...OwnReviewSchema.properties,
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  hiddenReason: Nullable(Type.String()),
  hiddenAt: Nullable(Type.String({ format: 'date-time' })),
});

export const AdminReviewPage = Type.Object({
  items: Type.Array(AdminReviewSchema),
  nextCursor: Nullable(Type.String()),
});

export const ProductReviewsQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });
export const AdminReviewsQuery = Type.Object(
  {
    ...pageQuery,
    hidden: Type.Optional(
      Type.Boolean({ description: 'Only hidden (true) or only visible (false) reviews.' }),
    ),
    productId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export type Review = Static<typeof ReviewSchema>;
export type OwnReview = Static<typeof OwnReviewSchema>;
export type AdminReview = Static<typeof AdminReviewSchema>;
export type ReviewInput = Static<typeof ReviewBody>;
export type FollowUpInput = Static<typeof FollowUpBody>;
