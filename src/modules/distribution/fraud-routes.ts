import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { auditContext } from '../audit/index.js';
import {
  FlaggedCommissionPage,
  FlaggedCommissionSchema,
  IdParams,
  Problem,
  RingSignalSchema,
} from './schemas.js';
import type { DistributionService } from './service.js';

const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('release'), Type.Literal('reverse')], {
      description:
        'release: it settles as usual; reverse: the commission is taken back (the buyer keeps the order)',
    }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** The console's fraud review: flags with their evidence, and decisions on held commissions. */
export const fraudReviewRoutes: FastifyPluginAsyncTypebox<{ distribution: DistributionService }> = async (
  app,
  { distribution },
) => {
  app.get(
    '/api/admin/commission-flags',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Commissions with their fraud flags',
        description:
          'Newest first, each with the ring signals it raised and their evidence, its hold and any ' +
          'review. `orderId`: all commissions of that order; otherwise only flagged ones, of ' +
          '`promoterId` and/or carrying `signal`.',
        querystring: Type.Object({
          orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          promoterId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          signal: Type.Optional(RingSignalSchema),
          ...pageQuery,
        }),
        response: { 200: FlaggedCommissionPage },
      },
    },
    async (request) => distribution.flaggedCommissions(request.query),
  );

  app.post(
    '/api/admin/commissions/:id/review',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Release or reverse a held commission',
        description:
          'For a commission held by a ring signal. `release`: it settles on the normal schedule; ' +
          '`reverse`: it is reversed through the ledger exactly as a refund reverses it, and the buyer ' +
          'is not refunded. The decision, the operator and the note are recorded. 409 `commission_not_held` ' +
          'when it is not held or was decided already, `commission_held_by_dispute` while a dispute holds it.',
        params: IdParams,
        body: ReviewBody,
        response: { 200: FlaggedCommissionSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      distribution.reviewCommission(
        request.params.id,
        {
          decision: request.body.decision,
          note: request.body.note,
          adminId: requireUser(request).id,
        },
        auditContext(request),
      ),
  );
};
