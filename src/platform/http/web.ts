import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { projectPath } from '../paths.js';
import { sendProblem } from './problem.js';

export const WEB_DIST = projectPath('web', 'dist');

/**
 * Serves the built web app at `/` and answers unknown paths: API paths get a problem+json 404,
 * page paths get the app's index.html so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST) {
  const built = existsSync(`${root}/index.html`);
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !/^\/(api|s|metrics|health)(\/|$)/.test(request.url);
    if (isPage && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (isPage)
      return reply.type('text/plain').status(404).send('The web app is not built yet: run `npm run build`.');
    return sendProblem(
      request,
      reply,
      new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  });
}
