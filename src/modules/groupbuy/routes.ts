import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import type { Viewer } from './present.js';
import {
  AdminCampaignPage,
  CampaignBody,
  CampaignPatchBody,
  CampaignSchema,
  GroupSchema,
  MyGroupBuyPage,
  PublicCampaignPage,
  PublicCampaignSchema,
} from './schemas.js';
import type { GroupBuyService } from './service.js';

/** Anyone may look at a group; a signed-in viewer is told which member they are. */
const viewerOf = (request: FastifyRequest): Viewer => ({
  userId: request.user?.id ?? null,
  fullNames: false,
});
/** The operator's own endpoints show members' full names. */
const OPERATOR: Viewer = { userId: null, fullNames: true };

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const GroupParams = Type.Object({ groupId: Type.String({ minLength: 1, maxLength: 64 }) });

export const groupBuyRoutes: FastifyPluginAsyncTypebox<{ groupBuys: GroupBuyService }> = async (
  app,
  { groupBuys },
) => {
  app.post(
    '/api/admin/group-buys',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], body: CampaignBody, response: { 201: CampaignSchema } },
    },
    async (request, reply) => reply.status(201).send(await groupBuys.createCampaign(request.body)),
  );

  app.get(
    '/api/admin/group-buys',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], querystring: Type.Object(pageQuery), response: { 200: AdminCampaignPage } },
    },
    async (request) => groupBuys.listForAdmin({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.patch(
    '/api/admin/group-buys/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: CampaignPatchBody,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => groupBuys.updateCampaign(request.params.id, request.body),
  );

  app.post(
    '/api/admin/group-buys/:id/close',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: IdParams, response: { 200: CampaignSchema } },
    },
    async (request) => groupBuys.closeCampaign(request.params.id),
  );

  app.post(
    '/api/admin/group-buys/groups/:groupId/complete',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: GroupParams, response: { 200: GroupSchema } },
    },
    async (request) => {
      await groupBuys.completeByPlatform(request.params.groupId);
      return groupBuys.getGroup(request.params.groupId, OPERATOR);
    },
  );

  app.get(
    '/api/group-buys',
    {
      schema: {
        tags: ['group-buys'],
        querystring: Type.Object({
          productId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          ...pageQuery,
        }),
        response: { 200: PublicCampaignPage },
      },
    },
    async (request) =>
      groupBuys.listRunning({ ...request.query, limit: request.query.limit ?? 20 }, viewerOf(request)),
  );

  app.get(
    '/api/group-buys/campaigns/:id',
    { schema: { tags: ['group-buys'], params: IdParams, response: { 200: PublicCampaignSchema } } },
    async (request) => groupBuys.getCampaign(request.params.id, viewerOf(request)),
  );

  app.get(
    '/api/group-buys/:groupId',
    { schema: { tags: ['group-buys'], params: GroupParams, response: { 200: GroupSchema } } },
    async (request) => groupBuys.getGroup(request.params.groupId, viewerOf(request)),
  );

  app.get(
    '/api/me/group-buys',
    {
      onRequest: signedIn,
      schema: {
        tags: ['group-buys'],
        querystring: Type.Object(pageQuery),
        response: { 200: MyGroupBuyPage },
      },
    },
    async (request) =>
      groupBuys.listMine(requireUser(request).id, { ...request.query, limit: request.query.limit ?? 20 }),
  );
};
