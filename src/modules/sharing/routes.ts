import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import type { ShareMedia } from './media.js';
import { refuse } from './reasons.js';
import { REDIRECT_HEADERS, redirectAnswer } from './redirect.js';
import {
  CreateLinkBody,
  LinkStatsSchema,
  ShareLinkPage,
  ShareLinkSchema,
  SharerSchema,
  TargetType,
} from './schemas.js';
import type { SharingService } from './service.js';

export interface SharingRouteOptions {
  sharing: SharingService;
  media: ShareMedia;
  /** PUBLIC_URL; unset only on the embedded database, where links use the origin the request came to. */
  publicUrl: string | undefined;
  linkRateLimit: { max: number; timeWindow: string } | false;
  /** Per address, for the QR, poster and preview pictures (each may draw a picture). */
  mediaRateLimit: { max: number; timeWindow: string } | false;
}

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const PreviewParams = Type.Object({ type: TargetType, id: Type.String({ minLength: 1, maxLength: 64 }) });
const PreviewQuery = Type.Object({
  ref: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The share link the page was reached through: the preview is then in its sharer’s language',
    }),
  ),
  lang: Type.Optional(
    Type.Union([Type.Literal('en'), Type.Literal('zh-CN')], {
      description: 'The language without a share link (default en)',
    }),
  ),
});

/**
 * The origin of share links, QR codes and Open Graph URLs: PUBLIC_URL. Without it (only possible
 * on the embedded database, see config.ts) the request's own origin, for trying Fission out.
 */
export function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The page of a code that is no link, in both languages: no account says whose language to use. */
const UNKNOWN_LINK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found · Fission</title></head>
<body style="font-family:system-ui,sans-serif;text-align:center;padding:3rem 1rem">
<h1>This link does not exist</h1><p>It may have been mistyped. <a href="/">Visit the shop</a></p>
<h1 lang="zh-CN">这个链接不存在</h1><p lang="zh-CN">可能输错了。<a href="/">去逛逛</a></p></body></html>`;

/** A picture response in the OpenAPI document: its media type, and a binary or text body. */
const picture = (type: 'image/png' | 'image/svg+xml', description: string) => ({
  description,
  content: { [type]: { schema: Type.String(type === 'image/png' ? { format: 'binary' } : {}) } },
});

const notFoundLink = (code: string) => refuse('share_link_not_found', { code }, 'Share link not found');

function sendPicture(reply: FastifyReply, type: string, body: Buffer | string, etag?: string) {
  // Chat apps and social sites show posters and previews on their own pages.
  reply
    .type(type)
    .header('cache-control', 'public, max-age=600')
    .header('cross-origin-resource-policy', 'cross-origin');
  if (etag) reply.header('etag', `"${etag}"`);
  return reply.send(body);
}

export const sharingRoutes: FastifyPluginAsyncTypebox<SharingRouteOptions> = async (app, options) => {
  const { sharing, media, publicUrl } = options;
  const origin = (request: FastifyRequest) => originOf(request, publicUrl);
  const mediaConfig = { rateLimit: options.mediaRateLimit };

  app.post(
    '/api/share-links',
    {
      onRequest: signedIn,
      config: {
        rateLimit: options.linkRateLimit && {
          ...options.linkRateLimit,
          keyGenerator: (request: FastifyRequest) => request.user?.id ?? request.ip,
          errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number; max: number }) =>
            refuse(
              'share_links_rate_limited',
              { retryAfterSeconds: Math.ceil(context.ttl / 1000), max: context.max },
              `Too many share links in a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
            ),
        },
      },
      schema: {
        tags: ['sharing'],
        summary: 'Make a share link',
        description:
          'The signed-in person’s short link to one product, store or group, with its absolute URL ' +
          '(from PUBLIC_URL). Sharing the same thing again hands back the same link. Refusals: ' +
          '`share_target_one_required` (none or several targets named), `share_target_not_found`, ' +
          '`share_target_not_shareable`, `share_links_rate_limited`.',
        body: CreateLinkBody,
        response: {
          201: ShareLinkSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          422: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const link = await sharing.createLink(requireUser(request).id, request.body, origin(request));
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/api/me/share-links',
    {
      onRequest: signedIn,
      schema: {
        tags: ['sharing'],
        summary: 'My share links',
        description:
          'The signed-in person’s links, newest first, each with its clicks, orders and GMV and what it ' +
          'points at (null once that is gone). Cursor-paginated.',
        querystring: Type.Object(pageQuery),
        response: { 200: ShareLinkPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => sharing.listLinks(requireUser(request).id, request.query, origin(request)),
  );

  app.get(
    '/api/share-links/:code/stats',
    {
      onRequest: signedIn,
      schema: {
        tags: ['sharing'],
        summary: 'A link’s statistics',
        description:
          'Clicks, orders and GMV (minor units) of one of the signed-in person’s links. Orders count ' +
          'once paid; a refund takes its amount off the GMV, and a full refund the order too. Another ' +
          'person’s link is `share_link_not_found`.',
        params: CodeParams,
        response: { 200: LinkStatsSchema, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => sharing.getStats(requireUser(request).id, request.params.code),
  );

  app.get(
    '/api/share-links/:code/sharer',
    {
      config: mediaConfig,
      schema: {
        tags: ['sharing'],
        summary: 'Who shared a link',
        description:
          'For the page a share link lands on ("陈* recommends this"): the sharer’s name as strangers ' +
          'see it (masked), their initial and language, and what the link points at. Anyone may ask; ' +
          'an unknown code is `share_link_not_found`. Rate-limited per address.',
        params: CodeParams,
        response: { 200: SharerSchema, 404: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request) => {
      const sharer = await sharing.sharerOf(request.params.code);
      if (!sharer) throw notFoundLink(request.params.code);
      return sharer;
    },
  );

  app.get(
    '/api/share-links/:code/qr.svg',
    {
      config: mediaConfig,
      schema: {
        tags: ['sharing'],
        summary: 'A link’s QR code',
        description: 'The share link’s URL (from PUBLIC_URL) as an SVG QR code. Rate-limited per address.',
        params: CodeParams,
        response: {
          200: picture('image/svg+xml', 'The QR code'),
          404: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const svg = await media.qr(request.params.code, origin(request));
      if (svg === undefined) throw notFoundLink(request.params.code);
      return sendPicture(reply, 'image/svg+xml', svg);
    },
  );

  app.get(
    '/api/share-links/:code/poster.png',
    {
      config: mediaConfig,
      schema: {
        tags: ['sharing'],
        summary: 'A link’s poster',
        description:
          'A 750×1334 PNG to post in a chat: the item, its price, who shares it and the QR code, written ' +
          'in the sharer’s language. The sharer signed in sees their name; anyone else sees it masked. ' +
          'Cached by its content (ETag). Rate-limited per address.',
        params: CodeParams,
        response: { 200: picture('image/png', 'The poster'), 404: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const poster = await media.poster(request.params.code, origin(request), request.user?.id);
      if (!poster) throw notFoundLink(request.params.code);
      return sendPicture(reply, 'image/png', poster.png, poster.key);
    },
  );

  app.get(
    '/api/share-previews/:type/:id/image.png',
    {
      config: mediaConfig,
      schema: {
        tags: ['sharing'],
        summary: 'A shared page’s preview picture',
        description:
          'The 1200×630 Open Graph picture of a product, store or group page. With `ref` (the link ' +
          'the page was reached through) it is in the sharer’s language and says who recommends it. ' +
          'A missing target is `share_target_not_found`. Rate-limited per address.',
        params: PreviewParams,
        querystring: PreviewQuery,
        response: {
          200: picture('image/png', 'The preview picture'),
          400: ProblemResponse,
          404: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const { type, id } = request.params;
      const preview = await media.preview(type, id, { ref: request.query.ref, language: request.query.lang });
      if (!preview)
        throw refuse('share_target_not_found', { targetType: type, targetId: id }, 'Shared item not found');
      return sendPicture(reply, 'image/png', preview.png, preview.key);
    },
  );

  // Cached codes are answered before the framework (see redirect.ts); this route takes the rest.
  app.get('/s/:code', { schema: { hide: true, params: CodeParams } }, async (request, reply) => {
    const link = await sharing.resolve(request.params.code);
    if (!link) return reply.status(404).type('text/html; charset=utf-8').send(UNKNOWN_LINK_PAGE);
    const answer = redirectAnswer(link, request.headers.cookie, request.overHttps);
    sharing.recordClick(link, {
      deviceId: answer.deviceId,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    return reply
      .headers(REDIRECT_HEADERS)
      .header('set-cookie', answer.cookies)
      .redirect(answer.location, 302);
  });
};
