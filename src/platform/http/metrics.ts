import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { securityRefusal } from '../security-reasons.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`; compared in constant time. */
function hasToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

/**
 * Prometheus text at /metrics: process metrics and a request-duration histogram per route. With
 * METRICS_TOKEN set, only a scraper that sends it as a bearer token reads them.
 */
export function registerMetrics(app: FastifyInstance, token?: string): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fission_' });
  const duration = new Histogram({
    name: 'fission_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token !== undefined && !hasToken(request, token)) {
      throw securityRefusal(
        'metrics_token_required',
        'Send the metrics token as Authorization: Bearer <token>',
      );
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
