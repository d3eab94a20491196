import createClient, { type Middleware } from 'openapi-fetch';
import { toApiError } from './api-error';
import type { paths } from './api-types';
import { SESSION_CREDENTIALS, sessionMiddleware } from './session';

/**
 * The one way the web app calls the API: typed by path and method from the server's OpenAPI
 * document (`api-types.ts`, generated), so a shape the server changes breaks the build, not a page.
 */
export const apiClient = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: SESSION_CREDENTIALS,
  headers: { accept: 'application/json' },
});

// Every failure becomes an ApiError (the problem's reason, params and field errors), thrown.
const problems: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response);
    return response;
  },
};

apiClient.use(sessionMiddleware, problems);

/** The body of a successful call; failures were thrown by the middleware as ApiError. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data } = await request;
  return data as T;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON a successful call answers (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  | JsonOf<Responses<P, M>[200 & keyof Responses<P, M>]>
  | JsonOf<Responses<P, M>[201 & keyof Responses<P, M>]>;

/** The JSON body an operation takes. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

/** The query parameters an operation takes. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

export type { Page } from './paged-query';
