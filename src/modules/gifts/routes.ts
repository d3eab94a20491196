import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { ClaimBody, ClaimResult, GiftSchema, MyGiftPage, MyGiftsQuery, TokenParams } from './schemas.js';
import type { GiftService } from './service.js';

export interface GiftRouteOptions {
  gifts: GiftService;
  /** PUBLIC_URL: claim links are built from it (on the embedded database, the request's origin). */
  publicUrl?: string;
}

export const giftRoutes: FastifyPluginAsyncTypebox<GiftRouteOptions> = async (app, { gifts, publicUrl }) => {
  const origin = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/gifts/:token',
    {
      schema: {
        tags: ['gifts'],
        summary: 'A gift, by its claim link',
        description:
          'Anyone holding the link (it is the page the link opens): from whom (masked name), the sender’s note ' +
          'and what is in it, never prices or an address; its `status` and `claimBy`. Signed in, `yours` says ' +
          'whether the viewer sent or received it (and `orderId` is given to them). 404 for an unknown link.',
        params: TokenParams,
        response: { 200: GiftSchema, 404: ProblemResponse },
      },
    },
    async (request) => gifts.view(request.params.token, request.user?.id),
  );

  app.post(
    '/api/gifts/:token/claim',
    {
      onRequest: signedIn,
      schema: {
        tags: ['gifts'],
        summary: 'Claim a gift with your address',
        description:
          'The recipient, signed in, gives the address the gift ships to: typed out, or `{ addressId }` of one ' +
          'of their saved addresses. Its sender never sees it. Once claimed, the order is the recipient’s to ' +
          'follow (GET /api/orders/{id}), confirm and ask after-sales on. A gift is claimed once: claimed ' +
          'already → 409 `gift_already_claimed`; refunded → 409 `gift_refunded`; past `claimBy` → 409 ' +
          '`gift_expired`; its sender claiming → 422 `gift_own`; unknown link → 404.',
        params: TokenParams,
        body: ClaimBody,
        response: {
          200: ClaimResult,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request) => gifts.claim(requireUser(request).id, request.params.token, request.body),
  );

  app.get(
    '/api/me/gifts',
    {
      onRequest: signedIn,
      schema: {
        tags: ['gifts'],
        summary: 'My gifts, sent or received',
        description:
          'The gifts the signed-in person sent (`box=sent`, the default: with their claim links once paid, and ' +
          'who claimed them by masked name) or received (`box=received`), newest first; paged by cursor.',
        querystring: MyGiftsQuery,
        response: { 200: MyGiftPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) =>
      gifts.listMine(requireUser(request).id, {
        ...request.query,
        limit: request.query.limit ?? 20,
        origin: origin(request),
      }),
  );
};
