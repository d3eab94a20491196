import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const TargetId = Type.String({ minLength: 1, maxLength: 64 });

/** Exactly one target: the service refuses none or several with a 400 naming the fields. */
export const CreateLinkBody = Type.Object(
  {
    productId: Type.Optional(TargetId),
    storeId: Type.Optional(TargetId),
    groupId: Type.Optional(TargetId),
    postId: Type.Optional(TargetId),
  },
  { additionalProperties: false },
);

export const LinkStatsSchema = Type.Object({
  clicks: Type.Integer(),
  orders: Type.Integer(),
  gmv: Type.Integer(),
});

const linkFields = {
  code: Type.String(),
  url: Type.String(),
  targetType: Type.Union([
    Type.Literal('product'),
    Type.Literal('store'),
    Type.Literal('group'),
    Type.Literal('post'),
  ]),
  targetId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
};

export const ShareLinkSchema = Type.Object(linkFields);

export const ShareLinkPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...linkFields,
      stats: LinkStatsSchema,
      target: Type.Union([
        Type.Object({
          title: Type.String(),
          image: Nullable(Type.String()),
          path: Type.String(),
        }),
        Type.Null(),
      ]),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
