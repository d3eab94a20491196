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

export const ImportResultSchema = Type.Object({
  shipped: Type.Integer(),
  refused: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'the line of the CSV the row starts on (the header is line 1)' }),
      orderId: Type.String(),
      status: Type.Union([Type.Literal('shipped'), Type.Literal('refused')]),
      carrier: Type.Optional(Type.String()),
      trackingNumber: Type.Optional(Type.String()),
      reason: Type.Optional(
        Type.String({
          description:
            'why a row was refused: malformed_row, invalid_row, order_not_found, not_paid, ' +
            'already_shipped, already_completed, refunded, cancelled, group_waiting, group_failed, failed',
        }),
      ),
      message: Type.Optional(Type.String()),
    }),
  ),
});
