import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { ProductSchema } from '../catalog/index.js';
import { MAX_LIMIT, REASON_TYPES } from './rules.js';

const Limit = (byDefault: number) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: byDefault }));

export const ForYouQuery = Type.Object({ limit: Limit(12) }, { additionalProperties: false });
export const AlsoBoughtQuery = Type.Object({ limit: Limit(8) }, { additionalProperties: false });
export const ProductParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ReasonSchema = Type.Object({
  type: Type.Unsafe<(typeof REASON_TYPES)[number]>(
    Type.String({
      enum: [...REASON_TYPES],
      description:
        '`friends_bought` (people the person follows, invited, was invited by, is bound to or shares a community with), `because_you_bought`, `because_you_viewed`, `popular_in_category`, `popular`, `for_you`',
    }),
  ),
  text: Type.String({
    description: 'The reason in the person’s language (their account’s; Accept-Language when signed out)',
  }),
});

export const RecommendationList = Type.Object({
  items: Type.Array(Type.Object({ product: ProductSchema, reason: ReasonSchema })),
});

export const ProductList = Type.Object({ items: Type.Array(ProductSchema) });

export const FriendsBoughtList = Type.Object({
  items: Type.Array(
    Type.Object({
      productId: Type.String(),
      friends: Type.Integer({
        minimum: 1,
        description: 'How many of the person’s friends bought it in the last 60 days',
      }),
      text: Type.String({ description: '"3 friends bought this", in the person’s language' }),
    }),
  ),
});

export const ActivityBody = Type.Object(
  {
    productId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Type.Union([Type.Literal('view'), Type.Literal('cart')]),
  },
  { additionalProperties: false },
);

const Figure = Nullable(Type.Number());
export const TrainingSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  durationMs: Nullable(Type.Integer()),
  modelBytes: Nullable(Type.Integer({ description: 'bytes held by the trained model’s arrays' })),
  heapBytes: Nullable(Type.Integer({ description: 'the training thread’s JavaScript heap at its end' })),
  model: Nullable(Type.String()),
  users: Nullable(Type.Integer()),
  items: Nullable(Type.Integer()),
  interactions: Nullable(Type.Integer()),
  evaluation: Nullable(
    Type.Object({
      cutoff: Nullable(Type.String({ description: 'trained on what came before; measured on orders after' })),
      k: Figure,
      testUsers: Figure,
      recall: Figure,
      popularRecall: Nullable(
        Type.Number({ description: 'Recall@K of the most popular products, the floor' }),
      ),
    }),
  ),
  error: Nullable(Type.String()),
});
export const TrainingList = Type.Object({ items: Type.Array(TrainingSchema) });

export type Training = Static<typeof TrainingSchema>;
