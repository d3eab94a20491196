import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { PointsStatement } from './schemas.js';
import type { PointsService } from './service.js';

export const pointsRoutes: FastifyPluginAsyncTypebox<{ points: PointsService }> = async (app, { points }) => {
  app.get(
    '/api/me/points',
    {
      onRequest: signedIn,
      schema: {
        tags: ['points'],
        summary: 'My points',
        description:
          'The signed-in person’s points balance and their postings, newest first (`reason` is a code ' +
          'such as `invitation`).',
        querystring: Type.Object(pageQuery),
        response: { 200: PointsStatement },
      },
    },
    async (request) => points.statement(requireUser(request).id, request.query),
  );
};
