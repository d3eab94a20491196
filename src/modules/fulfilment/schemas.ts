import { Type } from 'typebox';

export const ShipBody = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', description: 'e.g. SF Express' }),
    trackingNumber: Type.String({
      minLength: 1,
      maxLength: 80,
      pattern: '\\S',
      description: 'letters, digits and . _ / -; spaces are dropped',
    }),
  },
  { additionalProperties: false },
);

export const ImportCsvBody = Type.String({
  description:
    'CSV with a header line naming the columns orderId, carrier and trackingNumber (any order; ' +
    'other columns are ignored), then one order per line; at most 1000 rows.',
  examples: ['orderId,carrier,trackingNumber\nord_123,SF Express,SF1234567890\n'],
});

const Facts = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  {
    description: 'the reason’s params, as a refusal of the ship route carries them',
  },
);

const FieldErrorSchema = Type.Object({
  path: Type.String({ description: 'the column as a JSON pointer: /orderId, /carrier, /trackingNumber' }),
  message: Type.String({ description: 'English fallback text' }),
  rule: Type.Optional(Type.String({ description: 'the rule broken: required, maxLength, pattern, …' })),
  params: Type.Optional(Facts),
});

const line = Type.Integer({
  minimum: 1,
  description: 'the line of the CSV the row starts on (the header is line 1)',
});

export const ShippedRowSchema = Type.Object({
  line,
  orderId: Type.String(),
  status: Type.Literal('shipped'),
  carrier: Type.String(),
  trackingNumber: Type.String(),
});

export const RefusedRowSchema = Type.Object({
  line,
  orderId: Type.String(),
  status: Type.Literal('refused'),
  reason: Type.String({
    description:
      'why: a ProblemReason name, the same the ship route answers with (shipment_order_not_found, ' +
      'not_paid, already_shipped, group_waiting, …), or shipment_row_malformed, shipment_row_invalid ' +
      '(see `errors`), shipment_row_failed',
  }),
  params: Type.Optional(Facts),
  errors: Type.Optional(Type.Array(FieldErrorSchema)),
  message: Type.String({ description: 'English fallback text' }),
});

export const ImportResultSchema = Type.Object({
  shipped: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
  rows: Type.Array(Type.Union([ShippedRowSchema, RefusedRowSchema])),
});
