import { Type } from 'typebox';

/** A schema that also admits null: optional facts in responses (`settledAt`, `logo`, …). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
