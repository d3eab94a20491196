import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { academyAdminRoutes } from './admin-routes.js';
import type { Viewer } from './rules.js';
import {
  AcademySchema,
  AnswerBody,
  BestAnswerBody,
  CompletionSchema,
  IdParams,
  LessonSchema,
  QuestionBody,
  QuestionPage,
  QuestionPatch,
  QuestionSchema,
  QuestionsQuery,
  VoteSchema,
} from './schemas.js';
import type { AcademyService } from './service.js';

const tags = ['academy'];
const SIGNED_IN = { 400: ProblemResponse, 401: ProblemResponse };
const NOT_THEIRS = 'Someone else’s, or one the operator hid: 404.';

const viewerOf = (request: FastifyRequest): Viewer | null =>
  request.user ? { id: request.user.id, isAdmin: request.user.roles.includes('admin') } : null;
const signedInViewer = (request: FastifyRequest): Viewer => {
  const user = requireUser(request);
  return { id: user.id, isAdmin: user.roles.includes('admin') };
};

export const academyRoutes: FastifyPluginAsyncTypebox<{ academy: AcademyService }> = async (
  app,
  { academy },
) => {
  const { lessons, board } = academy;

  app.get(
    '/api/academy',
    {
      schema: {
        tags,
        summary: 'The academy',
        description:
          'Anyone (the lessons are public, like the catalogue). Sections in the operator’s order with their published lessons (a section with none is left out); signed in, `completedAt` of each lesson the viewer finished and `progress` (finished of all published), else null.',
        response: { 200: AcademySchema },
      },
    },
    async (request) => lessons.overview(viewerOf(request)),
  );

  app.get(
    '/api/academy/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Read a lesson',
        description:
          'Anyone. The body is plain text (paragraphs split by blank lines); `video.kind` is `file` for a video file on this shop’s origin (played in the page) and `link` for anything else (opened outside it). `previousLessonId`/`nextLessonId` follow the reading order. An unpublished lesson is 404 except to an operator (a preview).',
        params: IdParams,
        response: { 200: LessonSchema, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => lessons.lesson(viewerOf(request), request.params.id),
  );

  app.post(
    '/api/me/academy/lessons/:id/completion',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Mark a lesson finished',
        description:
          'Signed in. The first time: 201 and `lesson.completed` is published (tasks, honours and levels count it). Again (or twice at once): 200 with the same completion, counted once. An unpublished or unknown lesson is 404.',
        params: IdParams,
        response: { 200: CompletionSchema, 201: CompletionSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      const { created, ...completion } = await lessons.complete(requireUser(request).id, request.params.id);
      return reply.status(created ? 201 : 200).send(completion);
    },
  );

  app.get(
    '/api/academy/questions',
    {
      schema: {
        tags,
        summary: 'The Q&A board',
        description:
          'Anyone. Questions newest first (`filter=unanswered`: only those without a visible answer), authors by masked name; `mine` marks the viewer’s own. Hidden questions are left out.',
        querystring: QuestionsQuery,
        response: { 200: QuestionPage, 400: ProblemResponse },
      },
    },
    async (request) => board.list(viewerOf(request), request.query),
  );

  app.post(
    '/api/academy/questions',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Ask a question',
        description:
          'Signed in (anyone with an account: shopkeepers and people thinking of becoming one). A title, and an optional plain-text body.',
        body: QuestionBody,
        response: { 201: QuestionSchema, ...SIGNED_IN },
      },
    },
    async (request, reply) => reply.status(201).send(await board.ask(signedInViewer(request), request.body)),
  );

  app.get(
    '/api/academy/questions/:id',
    {
      schema: {
        tags,
        summary: 'A question with its answers',
        description:
          'Anyone. Answers best first, then most votes, then the earliest; `voted` says whether the viewer voted for each, `canMarkBest` whether they may mark one. A hidden question is 404.',
        params: IdParams,
        response: { 200: QuestionSchema, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => board.question(viewerOf(request), request.params.id),
  );

  app.patch(
    '/api/academy/questions/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Edit my question',
        description: `The author only; \`editedAt\` shows it was edited. ${NOT_THEIRS}`,
        params: IdParams,
        body: QuestionPatch,
        response: { 200: QuestionSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request) => board.editQuestion(signedInViewer(request), request.params.id, request.body),
  );

  app.delete(
    '/api/academy/questions/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delete my question',
        description: `The author only, while it has no answers (then 409 \`academy_question_answered\`: deleting it would delete other people’s answers). ${NOT_THEIRS}`,
        params: IdParams,
        response: { 204: Type.Null(), ...SIGNED_IN, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request, reply) => {
      await board.deleteQuestion(signedInViewer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/academy/questions/:id/answers',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Answer a question',
        description:
          'Signed in (anyone with an account). Answers 201 with the question as it now reads. A hidden question is 404.',
        params: IdParams,
        body: AnswerBody,
        response: { 201: QuestionSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await board.answer(signedInViewer(request), request.params.id, request.body.body)),
  );

  app.patch(
    '/api/academy/answers/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Edit my answer',
        description: `The author only; answers with the question as it now reads. ${NOT_THEIRS}`,
        params: IdParams,
        body: AnswerBody,
        response: { 200: QuestionSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request) => board.editAnswer(signedInViewer(request), request.params.id, request.body.body),
  );

  app.delete(
    '/api/academy/answers/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delete my answer',
        description: `The author only; its votes go with it, and a best mark on it is taken away. ${NOT_THEIRS}`,
        params: IdParams,
        response: { 204: Type.Null(), ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await board.deleteAnswer(signedInViewer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/academy/answers/:id/vote',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Vote an answer up',
        description:
          'Signed in. One vote per person and answer, up only: voting again (or twice at once) changes nothing. Your own answer: 422 `academy_own_answer`. A hidden answer is 404.',
        params: IdParams,
        response: { 200: VoteSchema, ...SIGNED_IN, 404: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request) => board.vote(signedInViewer(request), request.params.id, true),
  );

  app.delete(
    '/api/academy/answers/:id/vote',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Withdraw my vote',
        description: 'Signed in. Withdrawing a vote never given changes nothing. A hidden answer is 404.',
        params: IdParams,
        response: { 200: VoteSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request) => board.vote(signedInViewer(request), request.params.id, false),
  );

  app.post(
    '/api/academy/questions/:id/best-answer',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Mark the best answer',
        description:
          'The asker (or an operator) marks one answer of the question as the best, moving the mark from any other; `answerId: null` takes it away. To anyone else the question is 404 (it is not theirs to change); an answer not of this question is 404.',
        params: IdParams,
        body: BestAnswerBody,
        response: { 200: QuestionSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request) => board.markBest(signedInViewer(request), request.params.id, request.body.answerId),
  );

  await app.register(academyAdminRoutes, { academy });
};
