import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { MAX_ADDRESSES } from './rules.js';
import { AddressList, AddressSchema, CreateAddressBody, Id, UpdateAddressBody } from './schemas.js';
import type { AddressesService } from './service.js';

const Params = Type.Object({ id: Id });
const tags = ['addresses'];
const notTheirs = 'Another person’s address is 404.';

export const addressesRoutes: FastifyPluginAsyncTypebox<{ addresses: AddressesService }> = async (
  app,
  { addresses },
) => {
  app.get(
    '/api/me/addresses',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My saved addresses',
        description: `Signed in: every saved address, the default first, then the newest (at most ${MAX_ADDRESSES}, so never paged).`,
        response: { 200: AddressList, 401: ProblemResponse },
      },
    },
    async (request) => addresses.list(requireUser(request).id),
  );

  app.post(
    '/api/me/addresses',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Save an address',
        description:
          'Signed in. Name, phone, city and street (`line1`) are required, as in an order’s address (province, district, ' +
          'second line, postal code and country are optional); a phone has 5 to 20 ' +
          'digits (field errors by field and rule). The first address is the default; `isDefault: true` ' +
          `makes a later one the default. At most ${MAX_ADDRESSES} per person: 422 \`address_limit\`.`,
        body: CreateAddressBody,
        response: { 201: AddressSchema, 400: ProblemResponse, 401: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addresses.create(requireUser(request).id, request.body)),
  );

  app.patch(
    '/api/me/addresses/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Edit a saved address',
        description: `The fields given change; \`null\` or blank clears an optional one. Orders already placed keep the address they copied. ${notTheirs}`,
        params: Params,
        body: UpdateAddressBody,
        response: { 200: AddressSchema, 400: ProblemResponse, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => addresses.update(requireUser(request).id, request.params.id, request.body),
  );

  app.delete(
    '/api/me/addresses/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delete a saved address',
        description: `Deleting the default makes the address used most recently the default. ${notTheirs}`,
        params: Params,
        response: { 204: Type.Null(), 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await addresses.remove(requireUser(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/addresses/:id/default',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Make an address the default',
        description: `The address becomes the one default (the previous default stops being one); asking again changes nothing. ${notTheirs}`,
        params: Params,
        response: { 200: AddressSchema, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => addresses.setDefault(requireUser(request).id, request.params.id),
  );
};
