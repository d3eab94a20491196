import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { clearedSessionCookies, sessionCookies } from '../../platform/http/session.js';
import { LANGUAGES, languageFromHeader, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './rules.js';
import type { AccountsService } from './service.js';

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  inviteCode: Type.String(),
  invitedBy: Type.Union([Type.String(), Type.Null()]),
  language: Type.Enum(LANGUAGES),
  createdAt: Type.String({ format: 'date-time' }),
});

const SessionSchema = Type.Object({ user: UserSchema, token: Type.String() });

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
      schema: { tags: ['accounts'], body: RegisterBody, response: { 201: SessionSchema } },
    },
    async (request, reply) => {
      const language = request.body.language ?? languageFromHeader(request.headers['accept-language']);
      const session = await accounts.register({ ...request.body, language });
      return reply
        .status(201)
        .header('set-cookie', sessionCookies(session.token, request.protocol === 'https'))
        .send(session);
    },
  );

  app.post(
    '/api/auth/login',
    { config: limited, schema: { tags: ['accounts'], body: LoginBody, response: { 200: SessionSchema } } },
    async (request, reply) => {
      const session = await accounts.login(request.body);
      return reply
        .header('set-cookie', sessionCookies(session.token, request.protocol === 'https'))
        .send(session);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = requireUser(request);
      await accounts.logout(user.sessionId);
      return reply
        .status(204)
        .header('set-cookie', clearedSessionCookies(request.protocol === 'https'))
        .send(null);
    },
  );

  app.get('/api/me', { schema: { tags: ['accounts'], response: { 200: UserSchema } } }, async (request) =>
    accounts.getUser(requireUser(request).id),
  );

  app.put(
    '/api/me/language',
    {
      onRequest: signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Choose your language',
        description:
          'The language notifications and emails are written in (the web app sets it from its language switch).',
        body: LanguageBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => accounts.setLanguage(requireUser(request).id, request.body.language),
  );
};
