import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import {
  CreatedSimulation,
  ShopPopulationPreview,
  SimulationBody,
  SimulationPage,
  SimulationSchema,
} from './schemas.js';
import type { SimulatorService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const TAGS = ['admin', 'simulator'];

export const simulatorRoutes: FastifyPluginAsyncTypebox<{ simulator: SimulatorService }> = async (
  app,
  { simulator },
) => {
  app.post(
    '/api/admin/simulations',
    {
      onRequest: adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Start an incentive simulation',
        description:
          'Admin only. A seeded Monte-Carlo cascade of the scheme over the population, `runs` times for `weeks` weeks, in a worker thread: answers 202 with its id at once; poll `GET /api/admin/simulations/{id}`. The population is `synthetic` (a network drawn from the seed) or `shop`: the shop as it is now (see `GET /api/admin/simulations/shop-population`), its buyers as week-0 customers, with the measured rates unless the body overrides them; the result then carries `shop`, the population and rates used. The same input and seed give the same result (for a shop, while its data stays the same). 400 `simulation_payout_over_order` (commission levels plus group discount above 100 %), `simulation_too_many_seeds`, `simulation_too_large` (people × runs); 409 `simulation_busy` when this server runs too many already.',
        body: SimulationBody,
        response: { 202: CreatedSimulation, ...ADMIN_PROBLEMS, 409: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await simulator.start(request.body, requireUser(request).id)),
  );

  app.get(
    '/api/admin/simulations',
    {
      onRequest: adminOnly,
      schema: {
        tags: TAGS,
        summary: 'List simulations',
        description: 'Admin only. Newest first, without their results; paged by `cursor`.',
        querystring: Type.Object(pageQuery),
        response: { 200: SimulationPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => simulator.list({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/simulations/shop-population',
    {
      onRequest: adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Preview the shop as a population',
        description:
          'Admin only. The shop as `kind: shop` simulates it: `people` (accounts), `friendships` (distinct pairs linked by an invitation, a distribution binding, a follow, or membership of a community, with its leader), `seedCustomers` (accounts who have paid an order) and the rates measured over the last `window.days` (90) days, each with its `source` (`measured`, or `default` when there is nothing to divide by) and the counts behind it: `shareRate` = buyers of the window who created a share link ÷ buyers; `visitRate` = distinct devices that opened a share link ÷ friends (in this graph) of everyone who created one, capped at 100 %; `orderRate` = of those visitors, who signed up and paid a first order ÷ visitors; `repeatRate` = repeat orders ÷ customer-weeks (each customer’s weeks in the window after their first order); `averageOrderValue` = GMV less refunds ÷ paid orders; `marginBps` is not in the data and always the default. Rates are basis points.',
        response: { 200: ShopPopulationPreview, ...ADMIN_PROBLEMS },
      },
    },
    async () => simulator.shopPopulation(),
  );

  app.get(
    '/api/admin/simulations/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Get a simulation',
        description:
          'Admin only. `status` is `running` (with `progress` 0..1), `done` (with `result`: week by week mean, p10 and p90 across runs of GMV, orders, new customers, payout and margin after payout; totals; warnings) or `failed` (`failure`: `cancelled`, `error`, or `lost` when its server stopped). 404 for an unknown id.',
        params: IdParams,
        response: { 200: SimulationSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => simulator.get(request.params.id),
  );

  app.post(
    '/api/admin/simulations/:id/cancel',
    {
      onRequest: adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Cancel a simulation',
        description:
          'Admin only. Stops a running simulation: it becomes `failed` with `failure: cancelled`. Cancelling twice is harmless; 409 `simulation_finished` once it is done; 404 for an unknown id.',
        params: IdParams,
        response: { 200: SimulationSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request) => simulator.cancel(request.params.id),
  );
};
