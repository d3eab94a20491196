import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { languageFromHeader } from '../accounts/index.js';
import {
  ActivityBody,
  AlsoBoughtQuery,
  ForYouQuery,
  FriendsBoughtList,
  ProductList,
  ProductParams,
  RecommendationList,
  TrainingList,
} from './schemas.js';
import type { RecommendationsService } from './service.js';

const ADMIN_PROBLEMS = { 401: ProblemResponse, 403: ProblemResponse };

export const recommendationsRoutes: FastifyPluginAsyncTypebox<{
  recommendations: RecommendationsService;
}> = async (app, { recommendations }) => {
  app.get(
    '/api/recommendations',
    {
      schema: {
        tags: ['recommendations'],
        summary: 'Products for you, each with why',
        description:
          'Anyone. Signed in: for that person, from the last training and what happened since (a friend’s purchase shows at once): what friends bought, then products wanted with theirs, then popular ones. Signed out: popular products. Never an archived or sold-out product, never one the person bought in the last 30 days unless it is a repurchase item. `limit` 1..50 (default 12), else 400 `invalid_input`.',
        querystring: ForYouQuery,
        response: { 200: RecommendationList, 400: ProblemResponse },
      },
    },
    async (request) =>
      recommendations.forYou(
        request.user,
        request.query.limit ?? 12,
        languageFromHeader(request.headers['accept-language']),
      ),
  );

  app.get(
    '/api/products/:id/also-bought',
    {
      schema: {
        tags: ['recommendations'],
        summary: 'People also bought',
        description:
          'Anyone. Products most often wanted together with this one, on sale and in stock, best first; empty until a training has seen it bought. 404 for an unknown or archived product; `limit` 1..50 (default 8).',
        params: ProductParams,
        querystring: AlsoBoughtQuery,
        response: { 200: ProductList, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => ({
      items: await recommendations.alsoBought(request.params.id, request.query.limit ?? 8),
    }),
  );

  app.get(
    '/api/recommendations/friends-bought',
    {
      onRequest: signedIn,
      schema: {
        tags: ['recommendations'],
        summary: 'Friends-bought badges',
        description:
          'Signed in. The products the person’s friends bought in the last 60 days (at most 100, most friends first), with how many friends and the badge text in the person’s language: one call gives the web every product card’s badge.',
        response: { 200: FriendsBoughtList, 401: ProblemResponse },
      },
    },
    async (request) =>
      recommendations.friendsBought(
        requireUser(request).id,
        languageFromHeader(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/recommendations/activity',
    {
      onRequest: signedIn,
      schema: {
        tags: ['recommendations'],
        summary: 'Record a product view or add-to-cart',
        description:
          'Signed in. What the recommender learns from besides purchases; written in batches (a second later), so answered 204 at once.',
        body: ActivityBody,
        response: { 204: Type.Null(), 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request, reply) => {
      recommendations.recordActivity(requireUser(request).id, request.body.productId, request.body.kind);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/recommendations/trainings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'recommendations'],
        summary: 'The recommender’s latest trainings',
        description:
          'Admin only. The last 10 trainings, newest first: when, how long, memory, and Recall@K on the shop’s own held-out orders of the last week (trained on what came before), beside the most-popular floor.',
        response: { 200: TrainingList, ...ADMIN_PROBLEMS },
      },
    },
    async () => recommendations.trainings(10),
  );

  app.post(
    '/api/admin/recommendations/trainings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'recommendations'],
        summary: 'Retrain now',
        description:
          'Admin only. Queues a training that the next job pass runs in a worker thread (202); asking again while one is queued queues nothing more.',
        response: { 202: Type.Object({ queued: Type.Boolean() }), ...ADMIN_PROBLEMS },
      },
    },
    async (_request, reply) => {
      await recommendations.requestTraining();
      return reply.status(202).send({ queued: true });
    },
  );
};
