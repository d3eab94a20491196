import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  BanBody,
  BanPage,
  BanSchema,
  BansQuery,
  DecisionBody,
  HideBody,
  IdParams,
  ItemParams,
  QueueEntrySchema,
  QueuePage,
  QueueQuery,
  ReportBody,
  ReportSchema,
} from './schemas.js';
import type { ModerationService } from './service.js';

export interface ModerationRouteOptions {
  moderation: ModerationService;
  /** Reports one person may file per window; false turns the limit off. */
  reportRateLimit: { max: number; timeWindow: string } | false;
}

export const moderationRoutes: FastifyPluginAsyncTypebox<ModerationRouteOptions> = async (
  app,
  { moderation, reportRateLimit },
) => {
  app.post(
    '/api/reports',
    {
      onRequest: signedIn,
      config: {
        rateLimit: reportRateLimit && {
          ...reportRateLimit,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `reports:${request.user?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ['moderation'],
        summary: 'Report content',
        description:
          'Signed in: report a post, comment, live chat message or review to the operator, with a reason. One ' +
          'open report per person and item: reporting it again answers 200 with the open report and changes ' +
          'nothing (201 when a report is made). An unknown item is 404. Rate-limited per person (429).',
        body: ReportBody,
        response: {
          200: ReportSchema,
          201: ReportSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const { report, created } = await moderation.report(requireUser(request).id, request.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  await app.register(moderationAdminRoutes, { moderation });
};

const tags = ['admin', 'moderation'];
const ADMIN = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const WITH_404 = { ...ADMIN, 404: ProblemResponse };

const moderationAdminRoutes: FastifyPluginAsyncTypebox<{ moderation: ModerationService }> = async (
  app,
  { moderation },
) => {
  app.addHook('onRequest', adminOnly);

  app.get(
    '/api/admin/moderation/reports',
    {
      schema: {
        tags,
        summary: 'Moderation queue',
        description:
          'Support staff and admins. Reported items, one entry per item with its preview (the text as typed, to ' +
          'render escaped; null when the item is gone), how many reports and why, the latest reported first. ' +
          '`status` open (default), actioned (hidden) or dismissed.',
        querystring: QueueQuery,
        response: { 200: QueuePage, ...ADMIN },
      },
    },
    async (request) => moderation.queue({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/moderation/items/:type/:id/hide',
    {
      schema: {
        tags,
        summary: 'Hide reported content',
        description:
          'Support staff and admins, with the reason: the item is hidden wherever it shows, and its open reports ' +
          'close as actioned. Recorded in the audit log. An unknown item is 404.',
        params: ItemParams,
        body: HideBody,
        response: { 200: QueueEntrySchema, ...WITH_404 },
      },
    },
    async (request) =>
      moderation.hide(request.params.type, request.params.id, request.body.reason, auditContext(request)),
  );

  app.post(
    '/api/admin/moderation/items/:type/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore hidden content',
        description:
          'Support staff and admins: a hidden item shows again (an optional note goes to the audit log). An unknown item is 404.',
        params: ItemParams,
        body: DecisionBody,
        response: { 200: QueueEntrySchema, ...WITH_404 },
      },
    },
    async (request) =>
      moderation.restore(
        request.params.type,
        request.params.id,
        request.body.reason ?? null,
        auditContext(request),
      ),
  );

  app.post(
    '/api/admin/moderation/items/:type/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss reports',
        description:
          'Support staff and admins: the item’s open reports were unfounded and close as dismissed; the item stays ' +
          'as it is. Recorded in the audit log. An item with no open reports that does not exist is 404.',
        params: ItemParams,
        body: DecisionBody,
        response: { 200: QueueEntrySchema, ...WITH_404 },
      },
    },
    async (request) =>
      moderation.dismiss(
        request.params.type,
        request.params.id,
        request.body.reason ?? null,
        auditContext(request),
      ),
  );

  app.get(
    '/api/admin/moderation/bans',
    {
      schema: {
        tags,
        summary: 'Bans from posting',
        description: 'Support staff and admins. Bans, the newest first; by `active` and by person.',
        querystring: BansQuery,
        response: { 200: BanPage, ...ADMIN },
      },
    },
    async (request) => moderation.listBans({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/moderation/bans',
    {
      schema: {
        tags,
        summary: 'Ban from posting',
        description:
          'Support staff and admins, with the reason: for `days` days, or until lifted without it, the person may ' +
          'not post, comment, chat or review (403 `posting_banned` with `until`); they still shop. Recorded in ' +
          'the audit log. An unknown person is 404.',
        body: BanBody,
        response: { 201: BanSchema, ...WITH_404 },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await moderation.ban(request.body, auditContext(request))),
  );

  app.post(
    '/api/admin/moderation/bans/:id/lift',
    {
      schema: {
        tags,
        summary: 'Lift a ban',
        description:
          'Support staff and admins: the ban ends now (the person may post again unless another ban holds). ' +
          'Lifting a lifted ban changes nothing. Recorded in the audit log.',
        params: IdParams,
        response: { 200: BanSchema, ...WITH_404 },
      },
    },
    async (request) => moderation.lift(request.params.id, auditContext(request)),
  );
};
