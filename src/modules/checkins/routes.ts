import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  Calendar,
  CheckInResult,
  MakeUpBody,
  MakeUpResult,
  MonthQuery,
  SettingsBody,
  SettingsSchema,
} from './schemas.js';
import type { CheckinsService } from './service.js';

const tags = ['check-ins'];
const adminTags = ['check-ins', 'admin'];

export const checkinsRoutes: FastifyPluginAsyncTypebox<{ checkins: CheckinsService }> = async (
  app,
  { checkins },
) => {
  app.post(
    '/api/me/check-ins',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Check in today',
        description:
          'Once per person per calendar day of the platform’s time zone (TIME_ZONE). Earns the points of ' +
          'the streak day this check-in makes (the operator’s table: day 1..7, then a value for every day ' +
          'after); a missed day resets the streak unless a make-up card filled it. A second check-in the ' +
          'same day, even at the same moment, is 409 `already_checked_in` and earns nothing.',
        response: { 201: CheckInResult, 401: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await checkins.checkIn(requireUser(request).id)),
  );

  app.get(
    '/api/me/check-ins',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My check-in calendar',
        description:
          'The month’s checked days (made-up ones marked), today, the streak, what today’s and ' +
          'tomorrow’s check-ins earn, this month’s make-up cards and the days they could fill, and the ' +
          'bonus table. `month` (YYYY-MM) picks another month’s days; the rest is always about today.',
        querystring: MonthQuery,
        response: { 200: Calendar, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => checkins.calendar(requireUser(request).id, request.query.month),
  );

  app.post(
    '/api/me/check-ins/make-up',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Fill a missed day with a make-up card',
        description:
          'Fills one missed day of the current month before today; the day joins the streak but earns ' +
          'no points. Refusals: 422 `make_up_off` (the operator gives no cards), `make_up_not_past` ' +
          '(today or later), `make_up_other_month`, `make_up_no_cards` (this month’s are used up); ' +
          '409 `make_up_day_checked` (already checked in or made up).',
        body: MakeUpBody,
        response: {
          201: MakeUpResult,
          400: ProblemResponse,
          401: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checkins.makeUp(requireUser(request).id, request.body.day)),
  );

  app.get(
    '/api/admin/check-ins/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Check-in settings',
        description:
          'The streak bonus table (points for streak day 1..7, `beyondPoints` for every day after) and ' +
          'the make-up cards a person gets per calendar month (0: none). Operators only.',
        response: { 200: SettingsSchema, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async () => checkins.settings(),
  );

  app.put(
    '/api/admin/check-ins/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Change the check-in settings',
        description:
          'Applies from the next check-in; points already earned stay. Exactly 7 streak days, each 0 to ' +
          '100000 points, and 0 to 10 make-up cards a month: otherwise 400 with field errors. Operators only.',
        body: SettingsBody,
        response: { 200: SettingsSchema, 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async (request) => checkins.updateSettings(request.body, auditContext(request)),
  );
};
