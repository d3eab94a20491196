import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  CreateLevelBody,
  LevelPage,
  LevelSchema,
  LevelSettingsSchema,
  MyLevelSchema,
  RankParams,
  UpdateLevelBody,
  UpdateSettingsBody,
} from './schemas.js';
import type { LevelsService } from './service.js';

const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const ADMIN_TAGS = ['levels', 'admin'];

export const levelsRoutes: FastifyPluginAsyncTypebox<{ levels: LevelsService }> = async (app, { levels }) => {
  app.get(
    '/api/me/level',
    {
      onRequest: signedIn,
      schema: {
        tags: ['levels'],
        summary: 'My membership level',
        description:
          'Signed in. The person’s level (its rank and the operator’s name for it), their growth, the growth ' +
          'at which the next level starts (null at the top) and what their level gives (`benefits`, by `kind`).',
        response: { 200: MyLevelSchema, 401: ProblemResponse },
      },
    },
    async (request) => levels.myLevel(requireUser(request).id),
  );

  app.get(
    '/api/levels',
    {
      onRequest: signedIn,
      schema: {
        tags: ['levels'],
        summary: 'All membership levels',
        description: 'Signed in. The operator’s levels, lowest first, with their thresholds and benefits.',
        querystring: Type.Object(pageQuery),
        response: { 200: LevelPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => levels.listLevels(request.query),
  );

  app.get(
    '/api/admin/levels',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'List the membership levels',
        description: 'Admin only. The levels, lowest first.',
        querystring: Type.Object(pageQuery),
        response: { 200: LevelPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => levels.listLevels(request.query),
  );

  app.post(
    '/api/admin/levels',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Add a membership level',
        description:
          'Admin only. Thresholds must rise with rank (422 `level_thresholds_not_increasing`); a discount above 90 % → 422 ' +
          '`level_discount_too_high`; a rank in use → 409 `level_rank_taken`; an unknown coupon template → 400. ' +
          'Members whose growth already reaches it move up at once, by a sweep job queued with the change.',
        body: CreateLevelBody,
        response: { 201: LevelSchema, ...ADMIN_PROBLEMS, 409: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await levels.createLevel(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/levels/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Level settings',
        description:
          'Admin only. Growth per currency unit paid and per activity, and the yearly re-evaluation (on/off, its day).',
        response: { 200: LevelSettingsSchema, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async () => levels.settings(),
  );

  app.put(
    '/api/admin/levels/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Change the level settings',
        description:
          'Admin only. Fields left out keep their value. `reviewDate` is MM-DD and must exist every year (not 02-29).',
        body: UpdateSettingsBody,
        response: { 200: LevelSettingsSchema, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => levels.updateSettings(request.body, auditContext(request)),
  );

  app.put(
    '/api/admin/levels/:rank',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Edit a membership level',
        description:
          'Admin only. Replaces the level’s name, threshold and benefits; the lowest level stays at 0 (422 ' +
          '`level_first_not_zero`), thresholds rise with rank (422 `level_thresholds_not_increasing`) and a discount is at most ' +
          '90 % (422 `level_discount_too_high`). 404 for an unknown rank. A lowered threshold raises those above it by a sweep job.',
        params: RankParams,
        body: UpdateLevelBody,
        response: { 200: LevelSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request) => levels.updateLevel(request.params.rank, request.body, auditContext(request)),
  );

  app.delete(
    '/api/admin/levels/:rank',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Delete a membership level',
        description:
          'Admin only. Its members move to the level below (and are told). Level 1 cannot go: 409 `level_one_required`. 404 for an unknown rank.',
        params: RankParams,
        response: { 204: Type.Null(), ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request, reply) => {
      await levels.deleteLevel(request.params.rank, auditContext(request));
      return reply.status(204).send(null);
    },
  );
};
