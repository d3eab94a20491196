import { Type } from 'typebox';

/** A schema that also admits null: optional facts in responses (`settledAt`, `logo`, …). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** An RFC 9457 problem (what `registerErrorHandling` sends), for routes' error responses in OpenAPI. */
export const ProblemResponse = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    reason: Type.Optional(Type.String()),
  },
  { description: 'Problem details (application/problem+json)' },
);
