import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { OrderSchema } from '../orders/index.js';
import { ImportCsvBody, ImportResultSchema, ShipBody } from './schemas.js';
import type { FulfilmentService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Checked before the body is read: a JSON (or any other) body is a 415, never parsed as CSV. */
async function csvOnly(request: FastifyRequest) {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/csv')
    throw new AppError('unsupported_media_type', 'Send the shipments as CSV with Content-Type: text/csv');
}

export const fulfilmentRoutes: FastifyPluginAsyncTypebox<{ fulfilment: FulfilmentService }> = async (
  app,
  { fulfilment },
) => {
  // Only inside this plugin: the rest of the API takes JSON alone.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/admin/orders/:id/ship',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['fulfilment', 'admin'],
        summary: 'Ship a paid order',
        description:
          'Admin only. Hands a paid order to a carrier: paid → shipped, with the carrier and tracking ' +
          'number. A group-buy order ships only once its group succeeded, a gift once its recipient claimed ' +
          'it (`gift_not_claimed`); any other state → 409 with the ' +
          "orders module's reason (`not_paid`, `already_shipped`, `group_waiting`, …). An unknown order → " +
          '404 `shipment_order_not_found`; a carrier or tracking number that does not pass → 400 naming the ' +
          'field and rule. The buyer may confirm receipt; otherwise delivery is confirmed automatically ' +
          'AUTO_CONFIRM_DAYS later.',
        params: IdParams,
        body: ShipBody,
        response: {
          200: OrderSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request) =>
      fulfilment.ship(requireUser(request).id, request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/api/admin/shipments/import',
    {
      onRequest: [adminOnly, csvOnly],
      schema: {
        tags: ['fulfilment', 'admin'],
        summary: 'Ship many orders from a CSV',
        description:
          'Admin only. A `text/csv` body with the columns orderId, carrier and trackingNumber. Each row ' +
          'ships in its own transaction and is reported as shipped or refused with its line and the ' +
          'reason (and params) the ship route would answer with; a refused row never stops the others. ' +
          'A file without the header (`shipment_csv_empty`, `shipment_csv_columns_missing`), without ' +
          'rows (`shipment_csv_no_rows`) or with an unclosed quote (`shipment_csv_unclosed_quote`) → 400; ' +
          'more than 1000 rows → 413 `shipment_csv_too_many_rows`; any other content type → 415.',
        body: { content: { 'text/csv': { schema: ImportCsvBody } } },
        response: {
          200: ImportResultSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          413: ProblemResponse,
          415: ProblemResponse,
        },
      },
    },
    async (request) =>
      fulfilment.importCsv(requireUser(request).id, request.body as string, auditContext(request)),
  );
};
