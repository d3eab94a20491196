import { type Static, Type } from 'typebox';

export const PointsStatement = Type.Object({
  balance: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      delta: Type.Integer(),
      reason: Type.String({ description: 'a code, such as `invitation`' }),
      createdAt: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export type PointsPosting = Static<typeof PointsStatement>['items'][number];
