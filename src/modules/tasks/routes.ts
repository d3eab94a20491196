import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { Id, MyTaskList, TaskBody, TaskListQuery, TaskPage, TaskSchema } from './schemas.js';
import type { TasksService } from './service.js';

const Params = Type.Object({ id: Id });
const adminTags = ['admin', 'tasks'];
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const RULES =
  'Field errors (400) besides the schema’s: a `first_order` task is `once` (`/period` `onlyOnce`) with target 1 ' +
  '(`/target` `onlyOne`); a daily `check_in` has target 1; a task rewards points or a coupon ' +
  '(`/rewardPoints` `required`); `/couponTemplateId` `unknown` for a template that does not exist.';

export const tasksRoutes: FastifyPluginAsyncTypebox<{ tasks: TasksService }> = async (app, { tasks }) => {
  app.get(
    '/api/me/tasks',
    {
      onRequest: signedIn,
      schema: {
        tags: ['tasks'],
        summary: 'My tasks',
        description:
          'Signed in. Every active task in the operator’s order, with this period’s progress (never above `target`), ' +
          'the reward (points and the coupon’s title, if any), `status` `in_progress` or `completed`, the period ' +
          '(`daily`, `weekly` by ISO week, or `once`, in the platform’s time zone) and when it resets (`resetsAt`, ' +
          'null for a one-off task). A completed task stays listed until its period ends. Never paged.',
        response: { 200: MyTaskList, 401: ProblemResponse },
      },
    },
    async (request) => tasks.mine(requireUser(request).id),
  );

  app.get(
    '/api/admin/tasks',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'List tasks',
        description: 'Admin only. Every task, active or not, in the order people see them (`position`).',
        querystring: TaskListQuery,
        response: { 200: TaskPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => tasks.list(request.query),
  );

  app.post(
    '/api/admin/tasks',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Create a task',
        description:
          'Admin only. A title (one text, shown as written), a kind (the event it counts), a target, a reward ' +
          `(points, and optionally a coupon template), a period, whether it is active and its position. ${RULES}`,
        body: TaskBody,
        response: { 201: TaskSchema, ...ADMIN_PROBLEMS },
      },
    },
    async (request, reply) => reply.status(201).send(await tasks.create(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/tasks/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Get a task',
        description: 'Admin only. 404 for an unknown task.',
        params: Params,
        response: { 200: TaskSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => tasks.get(request.params.id),
  );

  app.put(
    '/api/admin/tasks/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Edit a task',
        description:
          'Admin only. The whole task again. Progress already counted stays; a lowered target shows progress ' +
          `capped at it and completes with the next event. ${RULES} 404 for an unknown task.`,
        params: Params,
        body: TaskBody,
        response: { 200: TaskSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => tasks.update(request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/api/admin/tasks/:id/deactivate',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Deactivate a task',
        description:
          'Admin only. The task stops showing and counting; rewards already paid stay. Editing it with ' +
          '`active: true` brings it back. Asking twice changes nothing. 404 for an unknown task.',
        params: Params,
        response: { 200: TaskSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => tasks.deactivate(request.params.id, auditContext(request)),
  );
};
