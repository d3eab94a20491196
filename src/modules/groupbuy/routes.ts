import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import type { Viewer } from './present.js';
import {
  AdminCampaignPage,
  AdminCampaignSchema,
  AdminGroupPage,
  CampaignBody,
  CampaignPatchBody,
  CampaignSchema,
  GroupSchema,
  GroupStatusFilter,
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

/** The refusals an operator's route may give besides its own (401 signed out, 403 not an admin). */
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };

export const groupBuyRoutes: FastifyPluginAsyncTypebox<{ groupBuys: GroupBuyService }> = async (
  app,
  { groupBuys },
) => {
  app.post(
    '/api/admin/group-buys',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'Create a group-buy campaign',
        description:
          'Admin only. A group price (and optionally a lower leader price) on one variant, a group size, how long each group has to fill, a per-person limit and a window in which groups may be opened. Refused with 400 field errors when the group price is above the regular price (`notAboveRegularPrice`), the leader price above the group price (`notAboveGroupPrice`) or the window ends before it starts (`afterStart`); 404 for an unknown variant.',
        body: CampaignBody,
        response: { 201: CampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await groupBuys.createCampaign(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/group-buys',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'List group-buy campaigns with their group stats',
        description:
          'Admin only. Every campaign, newest first, with its open, succeeded and failed groups and the paid members of groups that did not fail. Paged by `cursor`.',
        querystring: Type.Object(pageQuery),
        response: { 200: AdminCampaignPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => groupBuys.listForAdmin({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/group-buys/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'Get a group-buy campaign with its group stats',
        description: 'Admin only. One campaign as the console lists it; 404 for an unknown campaign.',
        params: IdParams,
        response: { 200: AdminCampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => groupBuys.campaignForAdmin(request.params.id),
  );

  app.get(
    '/api/admin/group-buys/:id/groups',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'A campaign’s groups with their members',
        description:
          'Admin only. The campaign’s groups, newest first, optionally only `open`, `succeeded` or `failed` ones, each with its paid members by full name, seats joined and paid, expiry, whether the platform may complete it now (`completable`) and what that would cost (`completionCost`, minor units: the discount off the regular price on every paid unit). Paged by `cursor`; 404 for an unknown campaign.',
        params: IdParams,
        querystring: Type.Object({ status: GroupStatusFilter, ...pageQuery }),
        response: { 200: AdminGroupPage, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) =>
      groupBuys.groupsOfCampaign(request.params.id, {
        status: request.query.status,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
      }),
  );

  app.patch(
    '/api/admin/group-buys/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'Edit a group-buy campaign',
        description:
          'Admin only. Changes prices, duration, per-person limit or window; groups already open keep their size and deadline, and new groups take the new terms. The same 400 field errors as creating one; 404 for an unknown campaign.',
        params: IdParams,
        body: CampaignPatchBody,
        response: { 200: CampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => groupBuys.updateCampaign(request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/api/admin/group-buys/:id/close',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'Close a group-buy campaign',
        description:
          'Admin only. No new groups can be opened (checkout then refuses with `campaign_not_running`); groups already open run to their deadline. 404 for an unknown campaign.',
        params: IdParams,
        response: { 200: CampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => groupBuys.closeCampaign(request.params.id, auditContext(request)),
  );

  app.post(
    '/api/admin/group-buys/groups/:groupId/complete',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'group-buys'],
        summary: 'Complete a nearly-full group at the platform’s cost',
        description:
          'Admin only. An open group before its deadline, with at least one paid member and at most a fifth of its seats (at least one) missing, succeeds, marked `completedByPlatform`, with no made-up members. Otherwise 409 `group_not_completable`; 404 for an unknown group. Answers the group with full member names.',
        params: GroupParams,
        response: { 200: GroupSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request) => {
      await groupBuys.completeByPlatform(request.params.groupId, auditContext(request));
      return groupBuys.getGroup(request.params.groupId, OPERATOR);
    },
  );

  app.get(
    '/api/group-buys',
    {
      schema: {
        tags: ['group-buys'],
        summary: 'List running group-buy campaigns',
        description:
          'Anyone. Campaigns that are active (of one product with `productId`), newest first, each with its product and up to ten open groups others can join (someone has paid, seats left, time left), soonest deadline first. Members are shown by masked name. Campaigns limited to a community are listed only with its `communityId` (its page shows them); without it, those open to everyone.',
        querystring: Type.Object({
          productId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          communityId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          ...pageQuery,
        }),
        response: { 200: PublicCampaignPage, 400: ProblemResponse },
      },
    },
    async (request) =>
      groupBuys.listRunning({ ...request.query, limit: request.query.limit ?? 20 }, viewerOf(request)),
  );

  app.get(
    '/api/group-buys/campaigns/:id',
    {
      schema: {
        tags: ['group-buys'],
        summary: 'Get a group-buy campaign',
        description:
          'Anyone. The campaign (whether it is `running` now), its product and the open groups others can join. 404 for an unknown campaign.',
        params: IdParams,
        response: { 200: PublicCampaignSchema, 404: ProblemResponse },
      },
    },
    async (request) => groupBuys.getCampaign(request.params.id, viewerOf(request)),
  );

  app.get(
    '/api/group-buys/:groupId',
    {
      schema: {
        tags: ['group-buys'],
        summary: 'Get a group',
        description:
          'Anyone (it is the page a share link opens). The group’s state, deadline, prices and paid members by masked name and initial; a signed-in viewer is told which member they are (`you`). 404 for an unknown group.',
        params: GroupParams,
        response: { 200: GroupSchema, 404: ProblemResponse },
      },
    },
    async (request) => groupBuys.getGroup(request.params.groupId, viewerOf(request)),
  );

  app.get(
    '/api/me/group-buys',
    {
      onRequest: signedIn,
      schema: {
        tags: ['group-buys'],
        summary: 'List my group buys',
        description:
          'Signed in. The seats the person holds or held, newest order first, each with its role (leader or member), what the order shows of the group (`waiting`, `succeeded`, `failed`, `left`) and the group.',
        querystring: Type.Object(pageQuery),
        response: { 200: MyGroupBuyPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) =>
      groupBuys.listMine(requireUser(request).id, { ...request.query, limit: request.query.limit ?? 20 }),
  );
};
