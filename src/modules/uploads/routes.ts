import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { refuse, tooLarge as tooLargeFor } from './reasons.js';
import { byteRange } from './rules.js';
import { KeyParams, UploadQuery, UploadSchema, VideoUploadSchema } from './schemas.js';
import type { UploadsService } from './service.js';

export interface UploadsRouteOptions {
  uploads: UploadsService;
  /** Uploads one person may make per minute; false: no limit. */
  uploadRateLimit: { max: number; timeWindow: string } | false;
}

// Multipart framing around the file: boundaries, headers, a purpose field.
const FRAMING_BYTES = 64 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The one file of the form, read into memory up to the limit; the limit's breach is a 413. */
async function readFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  const tooLarge = () => tooLargeFor(maxBytes);
  if (declared > maxBytes + FRAMING_BYTES) throw tooLarge();
  if (!request.isMultipart())
    throw refuse('upload_multipart_required', undefined, 'Send multipart/form-data');
  try {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } });
    if (file?.fieldname !== 'file') throw refuse('upload_file_missing', undefined, 'The form has no file');
    return await file.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // A malformed form (cut short, no boundary): the client's mistake, never a 500.
    throw refuse('upload_file_missing', undefined, 'The form could not be read');
  }
}

export const uploadsRoutes: FastifyPluginAsyncTypebox<UploadsRouteOptions> = async (app, options) => {
  const { uploads, uploadRateLimit } = options;
  // Registered here, so only these routes accept multipart bodies; everything else stays JSON-only.
  await app.register(multipart, { limits: { fileSize: uploads.limits.maxBytes, files: 1 } });

  app.post(
    '/api/uploads',
    {
      onRequest: signedIn,
      config: {
        rateLimit: uploadRateLimit && {
          ...uploadRateLimit,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `uploads:${request.user?.id ?? request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number; max: number }) =>
            refuse(
              'uploads_rate_limited',
              { retryAfterSeconds: Math.ceil(context.ttl / 1000), max: context.max },
              `Too many uploads in a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
            ),
        },
      },
      schema: {
        tags: ['uploads'],
        summary: 'Upload an image',
        description:
          'Signed in. A `multipart/form-data` body with one file field `file`: a JPEG, PNG, WebP, GIF or ' +
          'AVIF image, judged by its first bytes (not its name or claimed type; otherwise 415 ' +
          '`upload_not_an_image`), at most UPLOAD_MAX_BYTES (413 `upload_too_large` with `maxBytes`) and ' +
          'UPLOAD_MAX_PIXELS pixels (422 `upload_too_many_pixels`); one that cannot be decoded is 422 ' +
          '`upload_unreadable`. It is stored as WebP at 320, 640 and 1280 pixels wide (never wider than ' +
          'the original), turned upright and without its metadata; `url` is the largest, `urls` each width. ' +
          'A product image or store logo names the upload by `url` or by `id`. Rate-limited per person.',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        response: {
          201: UploadSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          413: ProblemResponse,
          415: ProblemResponse,
          422: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const bytes = await readFile(request, uploads.limits.maxBytes);
      const upload = await uploads.upload(user.id, bytes, request.query.purpose ?? 'product');
      return reply.status(201).send(upload);
    },
  );

  app.post(
    '/api/uploads/videos',
    {
      onRequest: signedIn,
      config: {
        rateLimit: uploadRateLimit && {
          ...uploadRateLimit,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `uploads:${request.user?.id ?? request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number; max: number }) =>
            refuse(
              'uploads_rate_limited',
              { retryAfterSeconds: Math.ceil(context.ttl / 1000), max: context.max },
              `Too many uploads in a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
            ),
        },
      },
      schema: {
        tags: ['uploads'],
        summary: 'Upload a video',
        description:
          'Those who may host live rooms: shopkeepers and admins (others 403 `upload_video_host_only`). ' +
          'A `multipart/form-data` body with one file field `file`: an MP4 or WebM video, judged ' +
          'by its first bytes (not its name or claimed type; otherwise 415 `upload_not_a_video`), at most ' +
          'UPLOAD_VIDEO_MAX_BYTES (413 `upload_too_large` with `maxBytes`). Stored as sent and served at ' +
          '`url` with byte ranges, for a live room’s recorded session. Rate-limited per person with images, ' +
          'and at most UPLOAD_VIDEO_QUOTA_BYTES of video per person in 24 hours (429 ' +
          '`upload_video_quota_exceeded`).',
        consumes: ['multipart/form-data'],
        response: {
          201: VideoUploadSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          413: ProblemResponse,
          415: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // Before the body is read: a refused person's 64 MB never reach memory.
      await uploads.assertMayUploadVideo(user, 1);
      const bytes = await readFile(request, uploads.videoMaxBytes);
      return reply.status(201).send(await uploads.uploadVideo(user, bytes));
    },
  );

  app.get(
    '/uploads/:key',
    {
      schema: {
        tags: ['uploads'],
        summary: 'An uploaded image or video',
        description:
          'For anyone: one stored width of an upload, as `image/webp`, or an uploaded video (`video/mp4`, ' +
          '`video/webm`; one `Range: bytes=` range answers 206, one past the end 416). The key is the ' +
          'content hash, so the answer never changes: cached for a year (`immutable`), with an ETag that ' +
          'answers 304 to `If-None-Match`. An unknown key is 404.',
        params: KeyParams,
        response: {
          200: {
            description: 'The image or video',
            content: {
              'image/webp': { schema: Type.String({ format: 'binary' }) },
              'video/mp4': { schema: Type.String({ format: 'binary' }) },
              'video/webm': { schema: Type.String({ format: 'binary' }) },
            },
          },
          206: {
            description: 'The range asked for, of a video',
            content: {
              'video/mp4': { schema: Type.String({ format: 'binary' }) },
              'video/webm': { schema: Type.String({ format: 'binary' }) },
            },
          },
          304: { description: 'Not modified: the ETag matches', type: 'null' },
          404: ProblemResponse,
          416: { description: 'The range lies past the end of the video', type: 'null' },
        },
      },
    },
    async (request, typedReply) => {
      // The typed reply knows only JSON bodies; this one sends bytes.
      const reply = typedReply as FastifyReply;
      const { key } = request.params;
      const etag = `"${key}"`;
      const found = (await uploads.openVideo(key)) ?? (await uploads.open(key));
      if (!found) throw refuse('upload_not_found', { id: key }, 'No such image');
      reply
        .header('cache-control', IMMUTABLE)
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match']?.split(/,\s*/).includes(etag)) return reply.status(304).send();
      if (!('read' in found)) return reply.type(found.contentType).send(found.bytes);
      // Players seek by asking for byte ranges; each is streamed from storage, never the whole file.
      const { size } = found;
      reply.header('accept-ranges', 'bytes');
      const range = byteRange(request.headers.range, size);
      if (range === 'unsatisfiable')
        return reply.status(416).header('content-range', `bytes */${size}`).send();
      const { start, end } = range ?? { start: 0, end: size - 1 };
      const body = await found.read(start, end);
      reply.type(found.contentType).header('content-length', end - start + 1);
      if (!range) return reply.send(body);
      return reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`).send(body);
    },
  );
};
