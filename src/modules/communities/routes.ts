import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import type { Leaders } from './leaders.js';
import type { Pickups } from './pickups.js';
import { PICKUP_STATUSES } from './rules.js';
import {
  AddHelperBody,
  AdminCommunityPage,
  ApplicationStatusFilter,
  CollectedOrderSchema,
  CommunityPage,
  CommunitySchema,
  CreateCommunityBody,
  HelperList,
  Id,
  LeaderApplicationPage,
  LeaderApplicationSchema,
  LeaderStatusSchema,
  MemberPage,
  MembershipSchema,
  MyCommunitySchema,
  MyLeaderStatusSchema,
  PackingListSchema,
  PickupOrderPage,
  RejectBody,
  UpdateCommunityBody,
  VerifyPickupBody,
  WavePage,
} from './schemas.js';
import type { CommunityDirectory } from './service.js';

const tags = ['communities'];
const CommunityParams = Type.Object({ id: Id });
const adminProblems = { 401: ProblemResponse, 403: ProblemResponse };
const staffProblems = { 401: ProblemResponse, 404: ProblemResponse };
const bodyDefaultsToEmpty = async (request: FastifyRequest) => {
  request.body ??= {};
};

export interface CommunitiesRouteOptions {
  leaders: Leaders;
  directory: CommunityDirectory;
  pickups: Pickups;
  /** Pickup-code attempts per person per minute: codes are not to be guessed. */
  verifyRateLimit: { max: number; timeWindow: string } | false;
}

export const communitiesRoutes: FastifyPluginAsyncTypebox<CommunitiesRouteOptions> = async (
  app,
  { leaders, directory, pickups, verifyRateLimit },
) => {
  const leaderOnly = async (request: FastifyRequest) => {
    const user = requireUser(request);
    await leaders.assertLeader(user.id, user.roles);
  };

  app.post(
    '/api/leaders',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Become a community leader',
        description:
          'Any signed-in person, as with shopkeepers. With approval off (the default) they gain the `leader` role ' +
          'at once (`approved`); with LEADER_APPROVAL on the application waits for the operator (`pending`). ' +
          'Asking again answers the current state.',
        response: { 201: LeaderStatusSchema, 401: ProblemResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await leaders.becomeLeader(requireUser(request).id)),
  );

  app.get(
    '/api/me/leader',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Whether I am a community leader',
        description:
          'Signed in: `approved`, `pending`, `rejected` (with the operator’s `reason` and `decidedAt`) or `none`.',
        response: { 200: MyLeaderStatusSchema, 401: ProblemResponse },
      },
    },
    async (request) => leaders.leaderStatus(requireUser(request).id),
  );

  app.get(
    '/api/admin/leaders',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Community leader applications',
        description:
          'Admin only. Applications oldest first, optionally only `pending`, `approved` or `rejected` ones; ' +
          'with `decided=true`, approved and rejected ones, latest decision first.',
        querystring: Type.Object({
          status: ApplicationStatusFilter,
          decided: Type.Optional(Type.Boolean()),
          ...pageQuery,
        }),
        response: { 200: LeaderApplicationPage, 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => leaders.listLeaderApplications({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/leaders/:userId/approve',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Approve a community leader',
        description:
          'Admin only. The applicant gains the `leader` role; approving again changes nothing. 404 for someone ' +
          'who has not applied.',
        params: Type.Object({ userId: Id }),
        response: { 200: LeaderStatusSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) =>
      leaders.approveLeader(requireUser(request).id, request.params.userId, auditContext(request)),
  );

  app.post(
    '/api/admin/leaders/:userId/reject',
    {
      onRequest: adminOnly,
      preValidation: bodyDefaultsToEmpty,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Reject a community leader application',
        description:
          'Admin only. A pending application is turned down with an optional `reason` the applicant sees; they ' +
          'may apply again. Rejecting again changes nothing; an approved one is 409 `invalid_transition`.',
        params: Type.Object({ userId: Id }),
        body: RejectBody,
        response: {
          200: LeaderApplicationSchema,
          400: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request) =>
      leaders.rejectLeader(
        requireUser(request).id,
        request.params.userId,
        request.body.reason,
        auditContext(request),
      ),
  );

  app.get(
    '/api/admin/communities',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Every community',
        description:
          'Operators: communities newest first (searched by name or pickup address with `q`), each with its ' +
          'leader’s contact, members, helpers and how its pickups stand.',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          ...pageQuery,
        }),
        response: { 200: AdminCommunityPage, 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => directory.listAdminCommunities({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/communities',
    {
      onRequest: leaderOnly,
      schema: {
        tags,
        summary: 'Open a community',
        description:
          'Community leaders only: 403 `leader_required` for others, `leader_approval_pending` while the ' +
          'application waits. A community has a pickup point (name, address, optional opening hours and ' +
          '`location`), an optional description and a daily `cutoffTime` (default 20:00, platform time zone) ' +
          'closing each delivery wave.',
        body: CreateCommunityBody,
        response: { 201: CommunitySchema, 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.createCommunity(requireUser(request).id, request.body)),
  );

  app.get(
    '/api/communities',
    {
      schema: {
        tags,
        summary: 'Communities',
        description:
          'For anyone: communities newest first, searched by name or pickup address with `q`, or one leader’s ' +
          'with `leaderId`. Signed in, `viewer` says whether the person is a member, the leader or a helper.',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          leaderId: Type.Optional(Id),
          ...pageQuery,
        }),
        response: { 200: CommunityPage, 400: ProblemResponse },
      },
    },
    async (request) =>
      directory.listCommunities(
        { ...request.query, limit: request.query.limit ?? 20 },
        request.user ?? undefined,
      ),
  );

  app.get(
    '/api/communities/:id',
    {
      schema: {
        tags,
        summary: 'A community',
        description:
          'For anyone: the community, its pickup point, leader, members count and the next wave’s cut-off.',
        params: CommunityParams,
        response: { 200: CommunitySchema, 404: ProblemResponse },
      },
    },
    async (request) => directory.getCommunity(request.params.id, request.user ?? undefined),
  );

  app.patch(
    '/api/communities/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Edit my community',
        description:
          'Its leader: name, description, pickup point (replaced whole) and cut-off time; waves already ' +
          'made keep their cut-off. Anyone else’s community is 404.',
        params: CommunityParams,
        body: UpdateCommunityBody,
        response: { 200: CommunitySchema, 400: ProblemResponse, ...staffProblems },
      },
    },
    async (request) => directory.updateCommunity(requireUser(request).id, request.params.id, request.body),
  );

  app.post(
    '/api/communities/:id/members',
    {
      onRequest: signedIn,
      preValidation: bodyDefaultsToEmpty,
      schema: {
        tags,
        summary: 'Join a community',
        description:
          'Signed in: the person becomes a member (joining again changes nothing). A person belongs to one ' +
          'community at a time: joining another leaves the one before (`leftCommunityId`).',
        params: CommunityParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: MembershipSchema, 400: ProblemResponse, ...staffProblems },
      },
    },
    async (request) => directory.join(requireUser(request).id, request.params.id),
  );

  app.delete(
    '/api/communities/:id/members',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Leave a community',
        description:
          'Signed in: the person is no longer a member (nor a helper there); orders placed for pickup there ' +
          'are still collected there. Leaving one they are not in changes nothing.',
        params: CommunityParams,
        response: { 200: MembershipSchema, ...staffProblems },
      },
    },
    async (request) => directory.leave(requireUser(request).id, request.params.id),
  );

  app.get(
    '/api/communities/:id/roster',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'A community’s members',
        description: 'Its leader and helpers: members in the order they joined. Anyone else: 404.',
        params: CommunityParams,
        querystring: Type.Object(pageQuery),
        response: { 200: MemberPage, 400: ProblemResponse, ...staffProblems },
      },
    },
    async (request) =>
      directory.members(requireUser(request), request.params.id, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/me/community',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My community',
        description: 'Signed in: the community the person is a member of, or `community: null`.',
        response: { 200: MyCommunitySchema, 401: ProblemResponse },
      },
    },
    async (request) => ({ community: await directory.myCommunity(requireUser(request).id) }),
  );

  app.get(
    '/api/me/led-communities',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Communities I run or help at',
        description: 'Signed in: the communities the person leads, then those they help hand orders out at.',
        response: { 200: Type.Object({ items: Type.Array(CommunitySchema) }), 401: ProblemResponse },
      },
    },
    async (request) => ({ items: await directory.staffCommunities(requireUser(request).id) }),
  );

  app.get(
    '/api/communities/:id/helpers',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My community’s helpers',
        description:
          'Its leader: the members named to hand orders out and verify pickup codes. Anyone else: 404.',
        params: CommunityParams,
        response: { 200: HelperList, ...staffProblems },
      },
    },
    async (request) => directory.helpers(requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/communities/:id/helpers',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Name a helper',
        description:
          'Its leader names a member (`userId`) who may verify pickup codes with them; naming one twice ' +
          'changes nothing. Not a member: 422 `helper_not_member`; the leader: 422 `helper_is_leader`.',
        params: CommunityParams,
        body: AddHelperBody,
        response: { 200: HelperList, 400: ProblemResponse, 422: ProblemResponse, ...staffProblems },
      },
    },
    async (request) => directory.addHelper(requireUser(request).id, request.params.id, request.body.userId),
  );

  app.delete(
    '/api/communities/:id/helpers/:userId',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Remove a helper',
        description: 'Its leader: the person no longer verifies pickup codes here (they stay a member).',
        params: Type.Object({ id: Id, userId: Id }),
        response: { 200: HelperList, ...staffProblems },
      },
    },
    async (request) =>
      directory.removeHelper(requireUser(request).id, request.params.id, request.params.userId),
  );

  app.post(
    '/api/communities/:id/pickups',
    {
      onRequest: signedIn,
      config: {
        rateLimit: verifyRateLimit && {
          ...verifyRateLimit,
          keyGenerator: (request: FastifyRequest) => request.user?.id ?? request.ip,
        },
      },
      schema: {
        tags,
        summary: 'Hand an order over against its pickup code',
        description:
          'That community’s leader or one of its helpers, at the pickup point: the paid order holding `code` ' +
          '(typed, or read from its QR code) is `completed` and shown with its buyer. A code no paid order of ' +
          'this community holds is 404 (another community’s leader: 404 too); used already: 409 ' +
          '`already_collected`; returned or refunded: 409 `pickup_not_collectable`. A group-buy order gets ' +
          'its code only once its group succeeded (409 `group_waiting` / `group_failed` otherwise).',
        params: CommunityParams,
        body: VerifyPickupBody,
        response: { 200: CollectedOrderSchema, 400: ProblemResponse, 409: ProblemResponse, ...staffProblems },
      },
    },
    async (request) => pickups.verify(requireUser(request), request.params.id, request.body.code),
  );

  app.get(
    '/api/communities/:id/pickups',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Pickup orders of my community',
        description:
          'Its leader and helpers: paid orders in one state, oldest first: by default `awaiting_collection` ' +
          '(the uncollected ones, each with `collectBy`), or `collected`, `returned`, `closed`. No codes: ' +
          'the buyer shows theirs.',
        params: CommunityParams,
        querystring: Type.Object({ status: Type.Optional(Type.Enum(PICKUP_STATUSES)), ...pageQuery }),
        response: { 200: PickupOrderPage, 400: ProblemResponse, ...staffProblems },
      },
    },
    async (request) =>
      pickups.pickupOrders(requireUser(request), request.params.id, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/communities/:id/waves',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delivery waves of my community',
        description:
          'Its leader and helpers: waves latest cut-off first, each `open` (still taking orders) or `closed`, ' +
          'with its paid orders and how many are collected.',
        params: CommunityParams,
        querystring: Type.Object(pageQuery),
        response: { 200: WavePage, 400: ProblemResponse, ...staffProblems },
      },
    },
    async (request) =>
      pickups.waves(requireUser(request), request.params.id, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/communities/:id/waves/:waveId',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'A wave’s packing list',
        description:
          'Its leader and helpers: what to pack for the wave (each product variant and how many, over its paid ' +
          'orders, refunded units left out) and each order with its buyer and state.',
        params: Type.Object({ id: Id, waveId: Id }),
        response: { 200: PackingListSchema, ...staffProblems },
      },
    },
    async (request) => pickups.packingList(requireUser(request), request.params.id, request.params.waveId),
  );
};
