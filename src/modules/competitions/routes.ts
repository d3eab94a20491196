import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AdminCompetition,
  AdminCompetitionDetail,
  AdminCompetitionPage,
  CompetitionBody,
  CompetitionDetail,
  CompetitionPage,
  DetailQuery,
  Id,
  LeaderboardPreference,
  LeaderboardPreferenceBody,
  ListStatus,
} from './schemas.js';
import type { CompetitionsService } from './service.js';

const Params = Type.Object({ id: Id });
const tags = ['competitions'];
const adminTags = ['admin', 'competitions'];
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const BODY_RULES =
  'Field errors: `/startsAt` or `/endsAt` `storable` (a year the server cannot store, 0000 or past 9999); ' +
  '`/endsAt` `afterStart` (the period must end after it starts) or `future`; `/prizes/<i>/toRank` ' +
  '`rankOrder`; `/prizes/<i>/fromRank` `overlap` (a rank wins one prize); `/prizes/<i>/couponTemplateId` `unknown`.';

export const competitionsRoutes: FastifyPluginAsyncTypebox<{ competitions: CompetitionsService }> = async (
  app,
  { competitions },
) => {
  app.get(
    '/api/competitions',
    {
      schema: {
        tags,
        summary: 'Competitions',
        description:
          'Anyone. Competitions newest start first: without `status`, the upcoming, the running and those ended in the last 30 days; ' +
          'with it, only `upcoming`, `running` or `ended` ones. Cancelled ones never show.',
        querystring: Type.Object({ status: ListStatus, ...pageQuery }, { additionalProperties: false }),
        response: { 200: CompetitionPage, 400: ProblemResponse },
      },
    },
    async (request) => competitions.list(request.query.status, request.query),
  );

  app.get(
    '/api/competitions/:id',
    {
      schema: {
        tags,
        summary: 'A competition and its leaderboard',
        description:
          'Anyone. The competition, its prizes and the top `top` (default 20) listed people: strict ranks, the higher ' +
          'score first and, on equal scores, who reached it first. Names are masked ("Chen J."), the viewer’s own in full. ' +
          'Signed in, `me` says where the viewer stands, also when they are not listed. Once prizes are paid, ranks are the ' +
          'ones people ended on. A cancelled or unknown competition is 404.',
        params: Params,
        querystring: DetailQuery,
        response: { 200: CompetitionDetail, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => competitions.get(request.params.id, request.user?.id ?? null, request.query.top),
  );

  app.get(
    '/api/me/leaderboard',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Whether I am listed on leaderboards',
        description:
          'Signed in. `listed: false` means the person shows on no leaderboard (everyone is listed until they opt out).',
        response: { 200: LeaderboardPreference, 401: ProblemResponse },
      },
    },
    async (request) => competitions.leaderboardPreference(requireUser(request).id),
  );

  app.put(
    '/api/me/leaderboard',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Opt in to or out of leaderboards',
        description:
          'Signed in. `listed: false` hides the person from every leaderboard at once: others no longer see them and rank ' +
          'without them, they still see their own standing, and while hidden they win no prize (prizes go to the listed ' +
          'people ranked among themselves when a competition ends). `listed: true` shows them again.',
        body: LeaderboardPreferenceBody,
        response: { 200: LeaderboardPreference, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => competitions.setLeaderboardPreference(requireUser(request).id, request.body.listed),
  );

  app.get(
    '/api/admin/competitions',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'List competitions',
        description:
          'Admin only. Every competition, cancelled ones too, newest start first, with how many people are listed.',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: AdminCompetitionPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => competitions.adminList(request.query),
  );

  app.post(
    '/api/admin/competitions',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Create a competition',
        description: `Admin only. A title, a period, what it counts (\`metric\`) and prizes for ranges of ranks: points, a coupon, or a commission bonus (minor units) paid into the wallet. Scores count events from their arrival on. ${BODY_RULES}`,
        body: CompetitionBody,
        response: { 201: AdminCompetition, ...ADMIN_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await competitions.create(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/competitions/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'A competition’s results',
        description:
          'Admin only. The competition, every scored person in full with whether they are listed (those who are not have no rank), and the prizes paid. 404 for an unknown competition.',
        params: Params,
        response: { 200: AdminCompetitionDetail, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => competitions.adminGet(request.params.id),
  );

  app.put(
    '/api/admin/competitions/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Edit a competition',
        description: `Admin only. The whole competition as when creating it. Before it starts anything may change; while it runs only the title and description (409 \`competition_locked\` naming the field); once cancelled or ended, nothing (409 \`competition_closed\`). ${BODY_RULES} 404 for an unknown competition.`,
        params: Params,
        body: CompetitionBody,
        response: { 200: AdminCompetition, ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request) => competitions.update(request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/api/admin/competitions/:id/cancel',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Cancel a competition',
        description:
          'Admin only. Only before it starts (409 `competition_started` after; 409 `invalid_transition` when already cancelled or awarded): a cancelled competition shows nowhere but here. 404 for an unknown competition.',
        params: Params,
        response: { 200: AdminCompetition, ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request) => competitions.cancel(request.params.id, auditContext(request)),
  );
};
