import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const TargetId = Type.String({ minLength: 1, maxLength: 64 });

export const TargetType = Type.Union([
  Type.Literal('product'),
  Type.Literal('store'),
  Type.Literal('group'),
  Type.Literal('post'),
]);

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
  targetType: TargetType,
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

/** Who recommends a shared item, as anyone holding the link sees them (the name masked). */
export const SharerSchema = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'The sharer\'s name as strangers see it: "Chen J.", "陈*"' }),
  initial: Type.String(),
  language: Type.Union([Type.Literal('en'), Type.Literal('zh-CN')], {
    description: "The sharer's language: their poster and link preview are written in it",
  }),
  targetType: TargetType,
  targetId: Type.String(),
});
