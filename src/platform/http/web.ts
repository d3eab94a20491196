import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { projectPath } from '../paths.js';
import { sendProblem } from './problem.js';

export const WEB_DIST = projectPath('web', 'dist');

/** A page's own index.html (say, with its Open Graph tags), or undefined for the plain one. */
export type PageHtml = (request: FastifyRequest, indexHtml: string) => Promise<string | undefined>;

/** Vite names every file under /assets by its content hash: a new release never reuses a name. */
const HASHED_ASSETS = /^assets\/.+-[A-Za-z0-9_-]{6,}\.[a-z0-9]+$/;

/**
 * How long a browser may keep a file of the built app. The shell (index.html, also served as `/`)
 * must be asked for again each time (`no-cache` revalidates with its ETag), or a new release reaches
 * phones late and the old shell asks for hashed assets that no longer exist. Hashed assets never
 * change under their name, so they are kept for a year; other files (demo images, icons) briefly.
 */
export function cacheControlFor(root: string, filePath: string): string {
  const relative = filePath.slice(root.length).replace(/\\/g, '/').replace(/^\/+/, '');
  if (relative === 'index.html') return 'no-cache';
  if (HASHED_ASSETS.test(relative)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * Serves the built web app at `/` and answers unknown paths: API paths and missing build assets get
 * a problem+json 404, page paths get the app's index.html so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST, pageHtml?: PageHtml) {
  const built = existsSync(`${root}/index.html`);
  const indexHtml = built ? readFileSync(`${root}/index.html`, 'utf8') : '';
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      // Ours alone: send's own Cache-Control would be written after setHeaders and win.
      cacheControl: false,
      setHeaders: (response, path) => response.setHeader('cache-control', cacheControlFor(root, path)),
    });
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
