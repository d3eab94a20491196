import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { clearedSessionCookies, sessionCookies } from '../../platform/http/session.js';
import { LANGUAGES, languageFromHeader, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './rules.js';
import { SessionSchema, UserSchema } from './schemas.js';
import type { AccountsService } from './service.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    inviteCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** Without it, the language comes from the Accept-Language header. */
    language: Type.Optional(Type.Enum(LANGUAGES)),
  },
  { additionalProperties: false },
);

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const LanguageBody = Type.Object({ language: Type.Enum(LANGUAGES) }, { additionalProperties: false });

export interface AccountsRouteOptions {
  accounts: AccountsService;
  /** Per-route rate limits for sign-in and sign-up, or false when RATE_LIMITS=off. */
  authRateLimit: { max: number; timeWindow: string } | false;
}

export const accountsRoutes: FastifyPluginAsyncTypebox<AccountsRouteOptions> = async (
  app,
  { accounts, authRateLimit },
) => {
  const limited = { rateLimit: authRateLimit };

  app.post(
    '/api/auth/register',
    {
      config: limited,
      schema: {
        tags: ['accounts'],
        summary: 'Sign up',
        description:
          'For anyone. Creates an account and signs it in (`token`). `inviteCode` (another person’s) ' +
          'records who invited whom; an unknown one is a field error (`/inviteCode`, rule `unknown`). ' +
          'An email already signed up is 409 `email_taken`. Rate-limited (429).',
        body: RegisterBody,
        response: { 201: SessionSchema, 400: ProblemResponse, 409: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const language = request.body.language ?? languageFromHeader(request.headers['accept-language']);
      const session = await accounts.register({ ...request.body, language });
      return reply
        .status(201)
        .header('set-cookie', sessionCookies(session.token, request.overHttps))
        .send(session);
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: limited,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        description:
          'For anyone. Wrong email or password is 401 `invalid_credentials`. After too many wrong ' +
          'passwords the account is locked for a while: 429 `account_locked` with `retryAfterSeconds` ' +
          'and `lockedUntil`, even for the right password. Rate-limited (429 `rate_limited`).',
        body: LoginBody,
        response: { 200: SessionSchema, 400: ProblemResponse, 401: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const session = await accounts.login(request.body);
      return reply.header('set-cookie', sessionCookies(session.token, request.overHttps)).send(session);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out',
        description: 'Ends the session of the token (or cookie) used; 401 without one.',
        response: { 204: Type.Null(), 401: ProblemResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await accounts.logout(user.sessionId);
      return reply.status(204).header('set-cookie', clearedSessionCookies(request.overHttps)).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in person',
        description: 'Who the token belongs to, with their roles and invite code; 401 without a valid token.',
        response: { 200: UserSchema, 401: ProblemResponse },
      },
    },
    async (request) => accounts.profile(requireUser(request).id),
  );

  app.put(
    '/api/me/language',
    {
      onRequest: signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Choose your language',
        description:
          'Signed in. The language notifications and emails are written in (the web app sets it from its ' +
          'language switch). A language Fission does not speak is a field error (`/language`, rule `enum`).',
        body: LanguageBody,
        response: { 200: UserSchema, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => accounts.setLanguage(requireUser(request).id, request.body.language),
  );
};
