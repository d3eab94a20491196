import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { identifierCookie } from '../../platform/http/cookies.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { refuse, roomNotFound } from './reasons.js';
import {
  CreateRoomBody,
  EventsQuery,
  ListQuery,
  MessageBody,
  MessagePage,
  MessageSchema,
  PageQuery,
  PinBody,
  PinParams,
  PinSchema,
  RoomPage,
  RoomParams,
  RoomSchema,
  StatsSchema,
} from './schemas.js';
import type { LiveService } from './service.js';
import type { StreamHub } from './stream.js';

export interface LiveRouteOptions {
  live: LiveService;
  streams: StreamHub;
  /** Chat messages one person may send per minute; false: no limit. */
  chatRateLimit: { max: number; timeWindow: string } | false;
}

const tags = ['live'];
const HEARTBEAT_MS = 15_000;

/** Where a stream resumes: the `Last-Event-ID` a reconnecting EventSource sends, else `?after=`. */
function resumeFrom(request: FastifyRequest, after: number | undefined): number {
  const header = request.headers['last-event-id'];
  const fromHeader = typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
  return fromHeader ?? after ?? 0;
}

export const liveRoutes: FastifyPluginAsyncTypebox<LiveRouteOptions> = async (app, options) => {
  const { live, streams, chatRateLimit } = options;
  const open = new Set<FastifyReply>();
  // Streams never finish on their own: closing the app ends them, or it would wait for them.
  app.addHook('preClose', async () => {
    for (const reply of open) reply.raw.end();
    streams.close();
  });

  app.post(
    '/api/live-rooms',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Schedule a live session',
        description:
          'Shopkeepers and operators (others 403 `live_host_role_required`). The session plays exactly one ' +
          'source: `streamUrl`, an https HLS playlist (`.m3u8`; else 400 `live_stream_url_invalid`), or ' +
          '`videoId`, a video the host uploaded (`POST /api/uploads/videos`; else 400 ' +
          '`live_video_not_found`); both or neither is 400 `live_source_required`. A stream must be on an ' +
          'origin the operator allows (LIVE_STREAM_ORIGINS; else 422 `live_stream_origin_not_allowed`). ' +
          '`startsAt` from now on ' +
          '(422 `live_starts_in_past`). The room starts `scheduled`.',
        body: CreateRoomBody,
        response: {
          201: RoomSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await live.schedule(requireUser(request), request.body)),
  );

  app.get(
    '/api/live-rooms',
    {
      schema: {
        tags,
        summary: 'Live rooms: upcoming, live now, or replays',
        description:
          'For anyone. `status=live` (default): sessions on air; `upcoming`: scheduled, soonest first; ' +
          '`replays`: ended sessions, most recent first. Cancelled sessions are in no list.',
        querystring: ListQuery,
        response: { 200: RoomPage, 400: ProblemResponse },
      },
    },
    async (request) =>
      live.list(request.query.status ?? 'live', request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/me/live-rooms',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'The rooms I host',
        description: 'Every room the signed-in person hosts, newest first, whatever its state.',
        querystring: PageQuery,
        response: { 200: RoomPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => live.hosted(requireUser(request).id, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/admin/live-rooms',
    {
      onRequest: adminOnly,
      schema: {
        tags: [...tags, 'admin'],
        summary: 'Every live room',
        description: 'All rooms of all hosts, newest first, for the console’s live view and its figures.',
        querystring: PageQuery,
        response: { 200: RoomPage, 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async (request) => live.hosted(null, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/live-rooms/:id',
    {
      schema: {
        tags,
        summary: 'A live room',
        description:
          'For anyone: the session, its source, the pin showing now (`currentPin`, while live) and every ' +
          'pin with its time from the start (`atMs`, `untilMs`), which a replay shows at those moments.',
        params: RoomParams,
        response: { 200: RoomSchema, 404: ProblemResponse },
      },
    },
    async (request) => live.get(request.params.id),
  );

  for (const action of ['start', 'end', 'cancel'] as const) {
    app.post(
      `/api/live-rooms/:id/${action}`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: { start: 'Go live', end: 'End the session', cancel: 'Cancel a scheduled session' }[action],
          description:
            'The room’s host only (anyone else 404 `live_room_not_found`). scheduled → live (start), ' +
            'live → ended (end: the pin showing comes off; the session becomes a replay), scheduled → ' +
            'cancelled (cancel). Any other move is 409 `invalid_transition`. Open streams get a `state` event.',
          params: RoomParams,
          response: { 200: RoomSchema, 401: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse },
        },
      },
      async (request) => live.act(requireUser(request).id, request.params.id, action),
    );
  }

  app.post(
    '/api/live-rooms/:id/pins',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Pin a product',
        description:
          'The host only (others 404), while live (else 409 `live_room_not_live`). The product (on sale; ' +
          'else 400 `live_product_not_found`) shows over the video with its price and a buy button; a ' +
          'product pinned before comes off now. The pin keeps its time from the start for the replay.',
        params: RoomParams,
        body: PinBody,
        response: {
          201: PinSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await live.pin(requireUser(request).id, request.params.id, request.body.productId)),
  );

  app.delete(
    '/api/live-rooms/:id/pins/current',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Unpin the product showing',
        description:
          'The host only (others 404), while live (else 409 `live_room_not_live`); nothing pinned is 409 ' +
          '`live_nothing_pinned`. The pin keeps the time it came off, for the replay.',
        params: RoomParams,
        response: { 200: RoomSchema, 401: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request) => live.unpin(requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/live-rooms/:id/pins/:pinId/clicks',
    {
      schema: {
        tags,
        summary: 'Count a click on a pinned product',
        description:
          'For anyone: the web player calls it when a viewer opens a pinned product (the host’s pin clicks).',
        params: PinParams,
        response: { 204: Type.Null({ description: 'Counted' }), 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await live.clickPin(request.params.id, request.params.pinId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/live-rooms/:id/messages',
    {
      onRequest: signedIn,
      config: {
        rateLimit: chatRateLimit && {
          ...chatRateLimit,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `live-chat:${request.user?.id ?? request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number; max: number }) =>
            refuse(
              'live_chat_rate_limited',
              { retryAfterSeconds: Math.ceil(context.ttl / 1000), max: context.max },
              `Too many messages in a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
            ),
        },
      },
      schema: {
        tags,
        summary: 'Send a chat message',
        description:
          'Signed in, before or during the session (after it: 409 `live_chat_closed`); someone banned from ' +
          'posting gets moderation’s refusal. Stored exactly as typed (render it escaped) and sent to every ' +
          'open stream. Rate-limited per person (LIVE_CHAT_RATE_LIMIT a minute: 429 `live_chat_rate_limited`).',
        params: RoomParams,
        body: MessageBody,
        response: {
          201: MessageSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await live.post(requireUser(request), request.params.id, request.body.body)),
  );

  app.get(
    '/api/live-rooms/:id/messages',
    {
      schema: {
        tags,
        summary: 'Chat messages of a room',
        description:
          'For anyone: visible messages oldest first, each with its time from the start (a replay’s chat).',
        params: RoomParams,
        querystring: PageQuery,
        response: { 200: MessagePage, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => live.messages(request.params.id, request.query.limit ?? 50, request.query.cursor),
  );

  app.get(
    '/api/live-rooms/:id/stats',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'A room’s figures',
        description:
          'Its host, or staff (operators and admins; others 404): viewers now, at the peak and in total, chat messages, ' +
          'pin clicks (also per pin), and the paid orders placed from the room with their GMV.',
        params: RoomParams,
        response: { 200: StatsSchema, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => live.stats(requireUser(request), request.params.id),
  );

  app.get(
    '/api/live-rooms/:id/events',
    {
      schema: {
        tags,
        summary: 'The room’s events, as server-sent events',
        description:
          'For anyone: `text/event-stream` of `message`, `hide` (a message was hidden: drop it), `pin`, ' +
          '`unpin` and `state` events, each with its number as `id`. It begins after `Last-Event-ID` (a ' +
          'reconnecting EventSource sends it) or `?after=`, so nothing is missed; hidden messages are left ' +
          'out of the catch-up. Events from every server process arrive. A room that ended or was cancelled ' +
          'sends what it has and closes.',
        params: RoomParams,
        querystring: EventsQuery,
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          400: ProblemResponse,
          404: ProblemResponse,
        },
      },
    },
    async (request, typedReply) => {
      const reply = typedReply as FastifyReply;
      const room = await live.get(request.params.id).catch(() => null);
      if (!room) throw roomNotFound(request.params.id);
      const after = resumeFrom(request, request.query.after);
      const viewer =
        request.user?.id ?? identifierCookie(request.headers.cookie, 'fission_device') ?? `ip:${request.ip}`;
      await live
        .recordViewer(room.id, viewer)
        .catch((err) => request.log.warn({ err }, 'recording a viewer failed'));
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      raw.write('retry: 2000\n\n');
      const finished = room.status === 'ended' || room.status === 'cancelled';
      const send = (events: readonly { seq: number; type: string; data: unknown }[]) => {
        for (const e of events)
          raw.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
      };
      if (finished) {
        // The backlog, then the end: a replay's stream has nothing more to wait for.
        send(await live.backlog(room.id, after).catch(() => []));
        raw.end();
        return;
      }
      open.add(reply);
      const unsubscribe = streams.subscribe(room.id, after, send);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(reply);
      });
    },
  );
};
