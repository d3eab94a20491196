import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { identifierCookie } from '../../platform/http/cookies.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AdminCampaignPage,
  BargainPage,
  BargainSchema,
  CampaignBody,
  CampaignList,
  CampaignSchema,
  FlaggedHelpPage,
  HelpResult,
  StartBody,
} from './schemas.js';
import type { BargainService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Paged = Type.Object(pageQuery);
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const POLICY = 'Refused with 422 `policy_forbids` where the market policy profile forbids bargains.';
const deviceOf = (cookie: string | undefined) => identifierCookie(cookie, 'fission_device');
const limitOf = (query: { limit?: number }) => query.limit ?? 20;

export const bargainRoutes: FastifyPluginAsyncTypebox<{ bargains: BargainService }> = async (
  app,
  { bargains },
) => {
  app.post(
    '/api/admin/bargains',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'bargains'],
        summary: 'Create a bargain campaign',
        description: `Admin only. A floor price on one variant, how many friends' helps reach it (2..50), how long each bargain runs, and optional bounds on one cut (\`minCut\`, \`maxCut\`, minor units). 400 field errors: \`/floorPrice\` \`belowRegularPrice\`; \`/helpersNeeded\` \`maximum\` (each help cuts at least 1); \`/minCut\` \`maximum\` and \`/maxCut\` \`minimum\` when the helpers could not end exactly at the floor; 404 for an unknown variant. ${POLICY}`,
        body: CampaignBody,
        response: { 201: CampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bargains.createCampaign(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/bargains',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'bargains'],
        summary: 'List bargain campaigns',
        description:
          'Admin only. Every campaign, newest first, with its figures: bargains started, reaching the floor, bought, and flagged helps. Paged by `cursor`.',
        querystring: Paged,
        response: { 200: AdminCampaignPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => bargains.listForAdmin({ ...request.query, limit: limitOf(request.query) }),
  );

  app.post(
    '/api/admin/bargains/:id/close',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'bargains'],
        summary: 'Close a bargain campaign',
        description:
          'Admin only. No new bargain starts on it; bargains already open keep their helps and may still be bought before their deadline. 404 for an unknown campaign.',
        params: IdParams,
        response: { 200: CampaignSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => bargains.closeCampaign(request.params.id, auditContext(request)),
  );

  app.get(
    '/api/admin/bargain-helps/flagged',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'bargains'],
        summary: 'Helps that look like accounts made only to help',
        description:
          'Admin only. Newest first: a new account that never paid an order, or a help from the starter’s or another helper’s device, with full names and the signals. The help still counted. Paged by `cursor`.',
        querystring: Paged,
        response: { 200: FlaggedHelpPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => bargains.flagged({ ...request.query, limit: limitOf(request.query) }),
  );

  app.get(
    '/api/bargain-campaigns',
    {
      schema: {
        tags: ['bargains'],
        summary: 'Bargain campaigns open to start',
        description:
          'Anyone. Active campaigns, newest first, with the price a bargain starts at and its floor. Empty where the market policy profile forbids bargains. Paged by `cursor`.',
        querystring: Paged,
        response: { 200: CampaignList, 400: ProblemResponse },
      },
    },
    async (request) => bargains.listCampaigns({ ...request.query, limit: limitOf(request.query) }),
  );

  app.post(
    '/api/bargains',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bargains'],
        summary: 'Start a bargain',
        description: `Signed in. The price starts at the variant's price; the cut schedule is drawn now and disclosed (\`schedule\`). 409 \`bargain_already_open\` while the person's earlier bargain on the campaign is open and not bought; 409 \`bargain_campaign_closed\`; 404 for an unknown campaign. ${POLICY}`,
        body: StartBody,
        response: {
          201: BargainSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const userId = requireUser(request).id;
      const deviceId = deviceOf(request.headers.cookie);
      return reply.status(201).send(await bargains.start(userId, request.body.campaignId, { deviceId }));
    },
  );

  app.get(
    '/api/bargains/:id',
    {
      schema: {
        tags: ['bargains'],
        summary: 'Get a bargain',
        description:
          'Anyone (it is the page a share link opens). Price, floor, helpers by masked name and their cuts, deadline and status; `mine` and `helpedByYou` for a signed-in viewer, `orderId` for its starter. 404 for an unknown bargain.',
        params: IdParams,
        response: { 200: BargainSchema, 404: ProblemResponse },
      },
    },
    async (request) => bargains.get(request.params.id, request.user?.id ?? null),
  );

  app.post(
    '/api/bargains/:id/helps',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bargains'],
        summary: 'Help cut a bargain’s price',
        description: `Signed in, not its starter (422 \`bargain_own\`). Takes the next cut of the schedule; after exactly \`helpersNeeded\` helps the price is the floor. 409 \`bargain_already_helped\`; 409 \`bargain_finished\` once it reached the floor, expired or was bought. ${POLICY}`,
        params: IdParams,
        response: {
          201: HelpResult,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const helperId = requireUser(request).id;
      const deviceId = deviceOf(request.headers.cookie);
      return reply.status(201).send(await bargains.help(request.params.id, helperId, { deviceId }));
    },
  );

  app.get(
    '/api/me/bargains',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bargains'],
        summary: 'List my bargains',
        description: 'Signed in. The bargains the person started, newest first. Paged by `cursor`.',
        querystring: Paged,
        response: { 200: BargainPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) =>
      bargains.mine(requireUser(request).id, { ...request.query, limit: limitOf(request.query) }),
  );
};
