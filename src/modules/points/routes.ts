import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  CheckoutQuery,
  CheckoutQuote,
  PointsSettingsBody,
  PointsSettingsSchema,
  PointsStatement,
} from './schemas.js';
import type { PointsService } from './service.js';

export const pointsRoutes: FastifyPluginAsyncTypebox<{ points: PointsService }> = async (app, { points }) => {
  app.get(
    '/api/me/points',
    {
      onRequest: signedIn,
      schema: {
        tags: ['points'],
        summary: 'My points',
        description:
          'The signed-in person’s points balance, what expires when (soonest first), and their postings, ' +
          'newest first (`reason` is a code such as `order` or `invitation`). A negative balance is a ' +
          'debt left by a refund; points earned later pay it off first (`debtPaid`).',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: PointsStatement, 400: ProblemResponse },
      },
    },
    async (request) => points.statement(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/points/checkout',
    {
      onRequest: signedIn,
      schema: {
        tags: ['points'],
        summary: 'What my points may pay at checkout',
        description:
          'For `payable` minor units left to pay: my balance, the most points the checkout may spend ' +
          '(the operator’s share of the order, always leaving one minor unit to pay) and the money they pay.',
        querystring: CheckoutQuery,
        response: { 200: CheckoutQuote, 400: ProblemResponse },
      },
    },
    async (request) => points.checkoutQuote(requireUser(request).id, request.query.payable),
  );

  app.get(
    '/api/admin/points/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['points', 'admin'],
        summary: 'Points settings',
        description:
          'What a paid order earns, what points pay at checkout and how much of an order, and when ' +
          'points expire. Operators only.',
        response: { 200: PointsSettingsSchema },
      },
    },
    async () => points.settings(),
  );

  app.put(
    '/api/admin/points/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['points', 'admin'],
        summary: 'Change the points settings',
        description:
          'Applies from now on: orders paid later earn at the new rate, points earned later expire by ' +
          'the new term (earlier lots keep theirs). Operators only; 400 with field errors when a value is out of range.',
        body: PointsSettingsBody,
        response: { 200: PointsSettingsSchema, 400: ProblemResponse },
      },
    },
    async (request) => points.updateSettings(request.body, auditContext(request)),
  );
};
