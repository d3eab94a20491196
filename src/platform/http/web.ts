import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { projectPath } from '../paths.js';
import { sendProblem } from './problem.js';

export const WEB_DIST = projectPath('web', 'dist');

/** A page's own index.html (say, with its Open Graph tags), or undefined for the plain one. */
export type PageHtml = (request: FastifyRequest, indexHtml: string) => Promise<string | undefined>;

/**
 * Serves the built web app at `/` and answers unknown paths: API paths and missing build assets get
 * a problem+json 404, page paths get the app's index.html so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST, pageHtml?: PageHtml) {
  const built = existsSync(`${root}/index.html`);
  const indexHtml = built ? readFileSync(`${root}/index.html`, 'utf8') : '';
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !/^\/(api|s|assets|metrics|health)(\/|$)/.test(request.url);
    if (isPage && built) {
      reply.header('cache-control', 'no-cache');
      const html = await pageHtml?.(request, indexHtml);
      return html ? reply.type('text/html; charset=utf-8').send(html) : reply.sendFile('index.html');
    }
    if (isPage)
      return reply.type('text/plain').status(404).send('The web app is not built yet: run `npm run build`.');
    return sendProblem(
      request,
      reply,
      new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  });
}
