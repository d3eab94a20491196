import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../platform/errors.js';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import type { ShareMedia } from './media.js';
import { REDIRECT_HEADERS, redirectAnswer } from './redirect.js';
import { CreateLinkBody, LinkStatsSchema, ShareLinkPage, ShareLinkSchema } from './schemas.js';
import type { SharingService } from './service.js';

export interface SharingRouteOptions {
  sharing: SharingService;
  media: ShareMedia;
  /** PUBLIC_URL, when set; otherwise links use the origin the request came to. */
  publicUrl: string | undefined;
  linkRateLimit: { max: number; timeWindow: string } | false;
}

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const PreviewParams = Type.Object({
  type: Type.Union([
    Type.Literal('product'),
    Type.Literal('store'),
    Type.Literal('group'),
    Type.Literal('post'),
  ]),
  id: Type.String({ minLength: 1, maxLength: 64 }),
});

export function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

const UNKNOWN_LINK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found · Fission</title></head>
<body style="font-family:system-ui,sans-serif;text-align:center;padding:3rem 1rem">
<h1>This link does not exist</h1><p>It may have been mistyped. <a href="/">Visit the shop</a></p></body></html>`;

function sendImage(reply: FastifyReply, type: string, body: Buffer | string | undefined, what: string) {
  if (body === undefined) throw notFound(what);
  // Chat apps and social sites show posters and previews on their own pages.
  return reply
    .type(type)
    .header('cache-control', 'public, max-age=600')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(body);
}

export const sharingRoutes: FastifyPluginAsyncTypebox<SharingRouteOptions> = async (app, options) => {
  const { sharing, media, publicUrl } = options;
  const origin = (request: FastifyRequest) => originOf(request, publicUrl);

  app.post(
    '/api/share-links',
    {
      onRequest: signedIn,
      config: {
        rateLimit: options.linkRateLimit && {
          ...options.linkRateLimit,
          keyGenerator: (request: FastifyRequest) => request.user?.id ?? request.ip,
        },
      },
      schema: { tags: ['sharing'], body: CreateLinkBody, response: { 201: ShareLinkSchema } },
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
      schema: { tags: ['sharing'], querystring: Type.Object(pageQuery), response: { 200: ShareLinkPage } },
    },
    async (request) => sharing.listLinks(requireUser(request).id, request.query, origin(request)),
  );

  app.get(
    '/api/share-links/:code/stats',
    {
      onRequest: signedIn,
      schema: { tags: ['sharing'], params: CodeParams, response: { 200: LinkStatsSchema } },
    },
    async (request) => sharing.getStats(requireUser(request).id, request.params.code),
  );

  app.get(
    '/api/share-links/:code/qr.svg',
    { schema: { tags: ['sharing'], params: CodeParams } },
    async (request, reply) =>
      sendImage(reply, 'image/svg+xml', await media.qr(request.params.code, origin(request)), 'Share link'),
  );

  app.get(
    '/api/share-links/:code/poster.png',
    { schema: { tags: ['sharing'], params: CodeParams } },
    async (request, reply) =>
      sendImage(reply, 'image/png', await media.poster(request.params.code, origin(request)), 'Share link'),
  );

  app.get(
    '/api/share-previews/:type/:id/image.png',
    { schema: { tags: ['sharing'], params: PreviewParams } },
    async (request, reply) =>
      sendImage(
        reply,
        'image/png',
        await media.preview(request.params.type, request.params.id),
        'Shared item',
      ),
  );

  // Cached codes are answered before the framework (see redirect.ts); this route takes the rest.
  app.get('/s/:code', { schema: { hide: true, params: CodeParams } }, async (request, reply) => {
    const link = await sharing.resolve(request.params.code);
    if (!link) return reply.status(404).type('text/html; charset=utf-8').send(UNKNOWN_LINK_PAGE);
    const answer = redirectAnswer(link, request.headers.cookie, request.protocol === 'https');
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
