import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AdminLessonSchema,
  AdminQuestionPage,
  AdminQuestionSchema,
  AdminSectionSchema,
  AdminSections,
  HiddenBody,
  IdParams,
  LessonBody,
  LessonPatch,
  SectionBody,
  SectionPatch,
} from './schemas.js';
import type { AcademyService } from './service.js';

const tags = ['admin', 'academy'];
const ADMIN = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const WITH_404 = { ...ADMIN, 404: ProblemResponse };

/** The operator's academy: the sections and lessons editor, and hiding Q&A content. */
export const academyAdminRoutes: FastifyPluginAsyncTypebox<{ academy: AcademyService }> = async (
  app,
  { academy },
) => {
  const { lessons, board } = academy;
  app.addHook('onRequest', adminOnly);

  app.get(
    '/api/admin/academy/sections',
    {
      schema: {
        tags,
        summary: 'Sections and lessons',
        description:
          'Admin only. Every section in order with every lesson, unpublished ones too, and how many people finished each (never paged: the whole editor at once).',
        response: { 200: AdminSections, ...ADMIN },
      },
    },
    async () => lessons.adminSections(),
  );

  app.post(
    '/api/admin/academy/sections',
    {
      schema: {
        tags,
        summary: 'Add a section',
        description: 'Admin only. Without `position` it goes last.',
        body: SectionBody,
        response: { 201: AdminSectionSchema, ...ADMIN },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lessons.createSection(request.body, auditContext(request))),
  );

  app.patch(
    '/api/admin/academy/sections/:id',
    {
      schema: {
        tags,
        summary: 'Rename or move a section',
        description: 'Admin only. 404 for an unknown section.',
        params: IdParams,
        body: SectionPatch,
        response: { 200: AdminSectionSchema, ...WITH_404 },
      },
    },
    async (request) => lessons.updateSection(request.params.id, request.body, auditContext(request)),
  );

  app.delete(
    '/api/admin/academy/sections/:id',
    {
      schema: {
        tags,
        summary: 'Delete a section',
        description: 'Admin only, once it holds no lessons (else 409 `academy_section_not_empty`).',
        params: IdParams,
        response: { 204: Type.Null(), ...WITH_404, 409: ProblemResponse },
      },
    },
    async (request, reply) => {
      await lessons.deleteSection(request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/academy/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Get a lesson',
        description: 'Admin only, published or not. 404 for an unknown lesson.',
        params: IdParams,
        response: { 200: AdminLessonSchema, ...WITH_404 },
      },
    },
    async (request) => lessons.adminLesson(request.params.id),
  );

  app.post(
    '/api/admin/academy/lessons',
    {
      schema: {
        tags,
        summary: 'Add a lesson',
        description:
          'Admin only. Plain-text body (paragraphs split by blank lines), an optional https video URL (no credentials in it: `/videoUrl` `pattern`), minutes, a position (last without one) and whether it is published (not by default). 404 for an unknown section.',
        body: LessonBody,
        response: { 201: AdminLessonSchema, ...WITH_404 },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lessons.createLesson(request.body, auditContext(request))),
  );

  app.patch(
    '/api/admin/academy/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Edit, move or publish a lesson',
        description:
          'Admin only. The fields given change (`sectionId` moves it; `videoUrl: null` removes the video). Completions stay when a lesson is unpublished. 404 for an unknown lesson or section.',
        params: IdParams,
        body: LessonPatch,
        response: { 200: AdminLessonSchema, ...WITH_404 },
      },
    },
    async (request) => lessons.updateLesson(request.params.id, request.body, auditContext(request)),
  );

  app.delete(
    '/api/admin/academy/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Delete a lesson',
        description:
          'Admin only, while nobody finished it; one that people finished (and tasks and honours counted) is 409 `academy_lesson_completed`: unpublish it instead.',
        params: IdParams,
        response: { 204: Type.Null(), ...WITH_404, 409: ProblemResponse },
      },
    },
    async (request, reply) => {
      await lessons.deleteLesson(request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/academy/questions',
    {
      schema: {
        tags,
        summary: 'Q&A to moderate',
        description:
          'Admin only. Every question, hidden ones too, newest first, each with all its answers (hidden too) and people’s full names.',
        querystring: Type.Object(pageQuery, { additionalProperties: false }),
        response: { 200: AdminQuestionPage, ...ADMIN },
      },
    },
    async (request) => board.adminList(request.query),
  );

  app.put(
    '/api/admin/academy/questions/:id/hidden',
    {
      schema: {
        tags,
        summary: 'Hide or show a question',
        description:
          'Admin only. A hidden question (with its answers) is 404 to everyone on the board; showing it again restores it as it was.',
        params: IdParams,
        body: HiddenBody,
        response: { 200: AdminQuestionSchema, ...WITH_404 },
      },
    },
    async (request) => board.hideQuestion(request.params.id, request.body.hidden, auditContext(request)),
  );

  app.put(
    '/api/admin/academy/answers/:id/hidden',
    {
      schema: {
        tags,
        summary: 'Hide or show an answer',
        description:
          'Admin only. A hidden answer leaves the board (and a best mark on it is not shown while hidden); answers with its question.',
        params: IdParams,
        body: HiddenBody,
        response: { 200: AdminQuestionSchema, ...WITH_404 },
      },
    },
    async (request) => board.hideAnswer(request.params.id, request.body.hidden, auditContext(request)),
  );
};
