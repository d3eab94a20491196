import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AdminCategory,
  AdminCategoryList,
  CreateCategoryBody,
  ReorderCategoriesBody,
  SlugParams,
  UpdateCategoryBody,
} from './category-schemas.js';
import type { CatalogService } from './service.js';

const adminProblems = { 401: ProblemResponse, 403: ProblemResponse };
const tags = ['admin', 'catalog'];

/** The operator's management of categories; the storefront's list is `GET /api/categories`. */
export const categoryRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/api/admin/categories',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Every category, in order',
        description:
          'Admin only. All categories, also those no active product uses, in their order, with active ' +
          '(`products`) and all (`allProducts`) product counts.',
        response: { 200: AdminCategoryList, ...adminProblems },
      },
    },
    async () => ({ items: await catalog.listAdminCategories() }),
  );

  app.post(
    '/api/admin/categories',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Add a category',
        description:
          'Admin only. Names in English and Simplified Chinese, an icon (`tag` when left out) and a ' +
          'place (last when left out). The slug is made from `slug`, or from the English name; a slug ' +
          'that exists is 409 `category_taken`, one without a letter or digit a field error (rule `slugEmpty`).',
        body: CreateCategoryBody,
        response: { 201: AdminCategory, 400: ProblemResponse, 409: ProblemResponse, ...adminProblems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalog.createCategory(request.body, auditContext(request))),
  );

  app.patch(
    '/api/admin/categories/:slug',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Rename, re-icon or move a category',
        description:
          'Admin only. Fields left out stay. `position` moves it to that place (0 is first); the others ' +
          'keep their order. The slug never changes, so links and filters keep working.',
        params: SlugParams,
        body: UpdateCategoryBody,
        response: { 200: AdminCategory, 400: ProblemResponse, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.updateCategory(request.params.slug, request.body, auditContext(request)),
  );

  app.put(
    '/api/admin/categories/order',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Put the categories in a new order',
        description:
          'Admin only. `slugs` lists every category exactly once; a slug given twice, unknown or left ' +
          'out is a field error (rules `unique`, `unknownCategory`, `missingCategories`). Answers the list.',
        body: ReorderCategoriesBody,
        response: { 200: AdminCategoryList, 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => ({
      items: await catalog.reorderCategories(request.body.slugs, auditContext(request)),
    }),
  );

  app.delete(
    '/api/admin/categories/:slug',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Delete a category no product uses',
        description:
          'Admin only. Refused with 409 `category_in_use` (with the number of `products`) while any ' +
          'product, archived ones included, is in it; 404 for an unknown slug.',
        params: SlugParams,
        response: {
          204: Type.Null(),
          400: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request, reply) => {
      await catalog.deleteCategory(request.params.slug, auditContext(request));
      return reply.status(204).send(null);
    },
  );
};
