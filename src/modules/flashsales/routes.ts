import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { AdminSalePage, SaleBody, SaleList, SaleSchema } from './schemas.js';
import type { FlashSaleService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** The refusals an operator's route may give besides its own (401 signed out, 403 not an admin). */
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };

export const flashSaleRoutes: FastifyPluginAsyncTypebox<{ flashSales: FlashSaleService }> = async (
  app,
  { flashSales },
) => {
  app.post(
    '/api/admin/flash-sales',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'flash-sales'],
        summary: 'Create a flash sale',
        description:
          'Admin only. A special price on one variant in a time window, with a quantity and a per-person limit. Refused with 400 field errors when the price is not below the regular price (`belowRegularPrice`), the window ends before it starts (`afterStart`) or is already over (`inFuture`); 404 for an unknown variant. Orders take it with `flashSale: { saleId }`; they ship free.',
        body: SaleBody,
        response: { 201: SaleSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await flashSales.createSale(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/flash-sales',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'flash-sales'],
        summary: 'List flash sales',
        description: 'Admin only. Every sale, newest first, with what is left. Paged by `cursor`.',
        querystring: Type.Object(pageQuery),
        response: { 200: AdminSalePage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => flashSales.listForAdmin({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/flash-sales/:id/close',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'flash-sales'],
        summary: 'Close a flash sale now',
        description:
          'Admin only. The sale ends at once (`status: ended`): no new order takes it; orders already placed keep their price. Closing twice is harmless; 404 for an unknown sale.',
        params: IdParams,
        response: { 200: SaleSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => flashSales.closeSale(request.params.id, auditContext(request)),
  );

  app.get(
    '/api/flash-sales',
    {
      schema: {
        tags: ['flash-sales'],
        summary: 'Current and upcoming flash sales',
        description:
          'Anyone. Sales that are live, sold out or still to open, the soonest to open first, each with what is left (`remaining`) and its `status`.',
        response: { 200: SaleList },
      },
    },
    async () => flashSales.listCurrent(),
  );

  app.get(
    '/api/flash-sales/:id',
    {
      schema: {
        tags: ['flash-sales'],
        summary: 'Get a flash sale',
        description: 'Anyone. One sale, ended ones too; 404 for an unknown sale.',
        params: IdParams,
        response: { 200: SaleSchema, 404: ProblemResponse },
      },
    },
    async (request) => flashSales.getSale(request.params.id),
  );
};
