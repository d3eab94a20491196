import Fastify from 'fastify';
import { deviceCookie, refCookie } from '../../src/modules/sharing/rules.js';

/**
 * The redirect benchmark's baseline, run in a child process of its own: bare Fastify 5 (no logger,
 * hooks, schemas or plugins) with one route answering what Fission's `GET /s/:code` answers — a 302
 * to LOCATION with the same two Set-Cookie headers (values of the same length) and Cache-Control.
 */
const location = process.env.LOCATION ?? '/';
const cookies = [refCookie('ABCDEFGHJ', false), deviceCookie('A'.repeat(22), false)];

const app = Fastify({ logger: false });
app.get('/s/:code', async (_request, reply) =>
  reply.header('set-cookie', cookies).header('cache-control', 'private, no-store').redirect(location, 302),
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
