import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schemas.js';
import type { LedgerService } from '../ledger/index.js';
import { listFlagged, type ReviewDecision, reviewCommission } from './fraud-review.js';
import { IdParams, Problem, RingSignalSchema } from './schemas.js';

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const FlaggedCommissionSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  level: Type.Integer(),
  amount: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('settled'), Type.Literal('reversed')]),
  held: Type.Boolean(),
  holdReason: Nullable(Type.String({ description: 'a ring signal code, or dispute' })),
  reviewable: Type.Boolean({
    description: 'held for a ring signal and not decided: may be released or reversed',
  }),
  buyer: Person,
  promoter: Person,
  createdAt: Type.String(),
  flags: Type.Array(
    Type.Object({
      signal: Type.String(),
      evidence: Type.Record(Type.String(), Type.Unknown(), {
        description:
          'what was found: the matching order (orderId) or account (userId), the device or IP, ' +
          'the phone ending, the card fingerprint, counts of orders and customers, the account age',
      }),
      createdAt: Type.String(),
    }),
  ),
  review: Nullable(
    Type.Object({
      decision: Type.Union([Type.Literal('released'), Type.Literal('reversed')]),
      note: Type.String(),
      decidedBy: Person,
      decidedAt: Type.String(),
    }),
  ),
});

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
export const fraudReviewRoutes: FastifyPluginAsyncTypebox<{
  db: Database;
  clock: Clock;
  ledger: LedgerService;
}> = async (app, ctx) => {
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
        response: {
          200: Type.Object({
            items: Type.Array(FlaggedCommissionSchema),
            nextCursor: Nullable(Type.String()),
          }),
        },
      },
    },
    async (request) => listFlagged(ctx.db, { ...request.query, limit: request.query.limit ?? 20 }),
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
          'is not refunded. The decision, the operator and the note are recorded. 409 when it is not ' +
          'held, is held by a dispute, or was decided already.',
        params: IdParams,
        body: ReviewBody,
        response: { 200: FlaggedCommissionSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      reviewCommission(ctx, request.params.id, {
        decision: request.body.decision as ReviewDecision,
        note: request.body.note,
        adminId: requireUser(request).id,
      }),
  );
};
