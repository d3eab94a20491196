import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { decodeCursor, encodeCursor, pageQuery } from '../../platform/http/pagination.js';
import { auditContext } from '../audit/index.js';
import {
  MyTrustSchema,
  Problem,
  TrustDetailSchema,
  TrustPageSchema,
  TrustSettingsPatch,
  TrustSettingsSchema,
} from './schemas.js';
import type { TrustService } from './service.js';

const PARTS_TEXT =
  'Parts: refunds and after-sales requests on the orders they brought, review ratings of what they sold, ' +
  'upheld complaints, pickup reliability; each with its weight, value (0..100) and cost in score points.';

export const trustRoutes: FastifyPluginAsyncTypebox<{ trust: TrustService }> = async (app, { trust }) => {
  app.get(
    '/api/me/trust',
    {
      onRequest: signedIn,
      schema: {
        tags: ['trust'],
        summary: 'My trust value',
        description: `The signed-in promoter's trust value 0..100 and what moves it. ${PARTS_TEXT}`,
        response: { 200: MyTrustSchema },
      },
    },
    async (request) => trust.mine(requireUser(request).id),
  );

  app.get(
    '/api/admin/trust',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'trust'],
        summary: 'Trust values',
        description: 'Shopkeepers, leaders and the busiest promoters, lowest trust first.',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: TrustPageSchema, 400: Problem },
      },
    },
    async (request) => {
      const [offset] = decodeCursor(request.query.cursor) ?? [0];
      const page = await trust.list({
        limit: request.query.limit ?? 20,
        offset: Math.max(0, Number(offset) || 0),
      });
      return {
        ...page,
        nextCursor: page.nextCursor === null ? null : encodeCursor([Number(page.nextCursor)]),
      };
    },
  );

  app.get(
    '/api/admin/trust/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'trust'],
        summary: 'Trust threshold',
        description: 'Below the threshold a promoter’s new commissions are held for review (`low_trust`).',
        response: { 200: TrustSettingsSchema },
      },
    },
    async () => trust.settings(),
  );

  app.put(
    '/api/admin/trust/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'trust'],
        summary: 'Change the trust threshold',
        description: 'Applies to commissions earned from now on; 0 holds nobody.',
        body: TrustSettingsPatch,
        response: { 200: TrustSettingsSchema, 400: Problem },
      },
    },
    async (request) => trust.updateSettings(request.body, auditContext(request)),
  );

  app.get(
    '/api/admin/trust/:userId',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'trust'],
        summary: 'A person’s trust value',
        description: `Their score with every part. ${PARTS_TEXT} Unknown person → 404.`,
        params: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: TrustDetailSchema, 404: Problem },
      },
    },
    async (request) => trust.detail(request.params.userId),
  );
};
