import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { HoldersList, MyBadgeList, PublicBadgeList, UserParams } from './schemas.js';
import type { HonoursService } from './service.js';

const tags = ['honours'];

export const honoursRoutes: FastifyPluginAsyncTypebox<{ honours: HonoursService }> = async (
  app,
  { honours },
) => {
  app.get(
    '/api/me/badges',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My badges',
        description:
          'Signed in: every badge, earned or not, with the tier held (`null` when none), the count so far ' +
          '(customers, lessons, the best streak in days, full years of service, the best competition placing ' +
          'scored 3rd = 1, 2nd = 2, 1st = 3) and the next tier with the count it needs (`null` at the top tier).',
        response: { 200: MyBadgeList, 401: ProblemResponse },
      },
    },
    async (request) => honours.myBadges(requireUser(request).id),
  );

  app.get(
    '/api/users/:id/badges',
    {
      schema: {
        tags,
        summary: 'A person’s badges',
        description:
          'Public (store pages and promoter profiles show them): the badges this person has earned, each at its ' +
          'highest tier. No counts, dates or badges not yet earned, which would tell how many customers or sales ' +
          'they have. An unknown person is 404.',
        params: UserParams,
        response: { 200: PublicBadgeList, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => honours.publicBadges(request.params.id),
  );

  app.get(
    '/api/admin/honours',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Badge holders',
        description:
          'Admin only. Every badge and tier (held or not), with how many people hold it and the latest five to reach it.',
        response: { 200: HoldersList, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async () => honours.holders(),
  );
};
