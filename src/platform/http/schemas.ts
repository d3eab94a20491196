import { Type } from 'typebox';

/** A schema that also admits null: optional facts in responses (`settledAt`, `logo`, …). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Text that must hold something besides spaces, up to `max` characters (names, titles, streets). */
export const NonBlankText = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const ReasonParamsValue = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  { description: 'Facts for the client to word the refusal with; money in minor units' },
);

/** An RFC 9457 problem (what `registerErrorHandling` sends), for routes' error responses in OpenAPI. */
export const ProblemResponse = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({
      description: "English fallback text; show `reason` in the reader's language instead.",
    }),
    reason: Type.String({
      description: 'Stable reason (see the ProblemReason component), to act on and translate.',
    }),
    params: Type.Optional(ReasonParamsValue),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'JSON pointer of the field' }),
          message: Type.String({ description: 'English fallback text' }),
          rule: Type.Optional(
            Type.String({ description: 'The rule broken: a JSON-schema keyword or a domain rule' }),
          ),
          params: Type.Optional(ReasonParamsValue),
        }),
      ),
    ),
  },
  { description: 'Problem details (application/problem+json)' },
);
