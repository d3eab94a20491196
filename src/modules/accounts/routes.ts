import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { identifierCookie } from '../../platform/http/cookies.js';
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

const ForgotBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

const ResetBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);

const LanguageBody = Type.Object({ language: Type.Enum(LANGUAGES) }, { additionalProperties: false });

export interface AccountsRouteOptions {
  accounts: AccountsService;
  /** Per-route rate limits for sign-in and sign-up, or false when RATE_LIMITS=off. */
  authRateLimit: { max: number; timeWindow: string } | false;
  /** The base of emailed links (PUBLIC_URL); without it, the request's own origin. */
  publicUrl?: string;
}

export const accountsRoutes: FastifyPluginAsyncTypebox<AccountsRouteOptions> = async (
  app,
  { accounts, authRateLimit, publicUrl },
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
      const deviceId = identifierCookie(request.headers.cookie, 'fission_device');
      const session = await accounts.register({ ...request.body, language, deviceId });
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
          'For anyone. Wrong email or password is 401 `invalid_credentials`; the right password of a ' +
          'disabled account is 403 `account_disabled`. After too many wrong ' +
          'passwords the account is locked for a while: 429 `account_locked` with `retryAfterSeconds` ' +
          'and `lockedUntil`, even for the right password. Rate-limited (429 `rate_limited`).',
        body: LoginBody,
        response: {
          200: SessionSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const session = await accounts.login(request.body);
      return reply.header('set-cookie', sessionCookies(session.token, request.overHttps)).send(session);
    },
  );

  app.post(
    '/api/auth/forgot-password',
    {
      config: limited,
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password-reset link',
        description:
          'For anyone. Always 202, whether or not the email has an account (so it tells nobody who ' +
          'signed up). When it is an enabled account, a single-use link to `/reset-password?token=…`, ' +
          'valid for an hour, is emailed in the person’s language; at most five an hour per account. ' +
          'Rate-limited (429).',
        body: ForgotBody,
        response: {
          202: Type.Object(
            { accepted: Type.Literal(true) },
            { description: 'the same answer whether or not the email has an account' },
          ),
          400: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(
        request.body.email,
        publicUrl ?? `${request.protocol}://${request.host}`,
      );
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      config: limited,
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password from a reset link',
        description:
          'For anyone holding a reset link’s `token`. The new password follows the sign-up policy ' +
          '(400 `password_too_common`, `password_is_email`). A token that is unknown, used or expired ' +
          'is 422 `reset_link_invalid`. On success (204) the link and every other open link of the ' +
          'account are spent and every session of the account ends: sign in with the new password.',
        body: ResetBody,
        response: { 204: Type.Null(), 400: ProblemResponse, 422: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return reply.status(204).send(null);
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
