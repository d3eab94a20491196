import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Stripe's Payment Element: Stripe.js from js.stripe.com, its card fields in frames from there
 * (hooks.stripe.com for 3-D Secure), its calls to api.stripe.com.
 */
const STRIPE = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
};

/**
 * The policy of the web app, its share landing pages and the API: scripts only from this origin
 * and Stripe, never inline (Vite's build emits none; server-rendered pages add none). Styles may
 * be inline: the small server-rendered pages and Stripe's elements set style attributes, and a
 * style cannot run code. Product images may come from any https host an operator links.
 *
 * Live rooms play uploaded videos from this origin, and HLS streams only from `streamOrigins`
 * (LIVE_STREAM_ORIGINS): hls.js fetches their playlists and segments (connect), feeds them to the
 * video element as blob: media, and may parse them in a worker made from a blob: URL. Nothing else
 * may be fetched or played from elsewhere, so injected markup cannot send data to any https host.
 */
export function appDirectives(streamOrigins: readonly string[]) {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'", ...STRIPE.script],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...streamOrigins, ...STRIPE.connect],
    mediaSrc: ["'self'", 'blob:', ...streamOrigins],
    workerSrc: ["'self'", 'blob:'],
    frameSrc: STRIPE.frame,
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    // Not upgrade-insecure-requests: a shop served over plain http (a laptop, a test) would break.
    upgradeInsecureRequests: null,
  };
}

/**
 * The API reference at /docs (Scalar's page) starts itself with an inline script, evaluates code
 * it builds (a browser test sees the eval), sets inline styles and may load fonts from a CDN. It
 * renders only our own OpenAPI document, so it gets a policy of its own, relaxed for exactly that.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline' https:",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// The reference's own page only: any other /docs/… path is the web app's (its not-found page), which
// keeps the strict policy.
const DOCS_PATH = /^\/docs\/?(\?|$)/;

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every answer carries, also those written before the framework (cached share-link
 * redirects): no MIME sniffing, no framing, the origin only as referrer to other sites.
 */
export function baseSecurityHeaders(secure: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(secure ? { 'strict-transport-security': HSTS } : {}),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Whether the person reached the shop over https: cookies are then Secure, and HSTS is sent. */
    overHttps: boolean;
  }
}

/**
 * Security headers on every response (helmet), registered before any route. HSTS (and Secure
 * cookies) only over https: `request.protocol` believes X-Forwarded-Proto only from the proxies
 * TRUST_PROXY names, so a client cannot switch it on over plain http, and a shop tried out on
 * http://localhost is never pinned to https. A shop whose PUBLIC_URL is https is always reached over
 * https, even behind a proxy that ends TLS and was not named in TRUST_PROXY.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  publicUrl: string | undefined,
  streamOrigins: readonly string[],
) {
  const publicHttps = publicUrl?.startsWith('https:') ?? false;
  app.decorateRequest('overHttps', {
    getter(this: FastifyRequest) {
      return publicHttps || this.protocol === 'https';
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(streamOrigins) },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Stripe's 3-D Secure and wallet windows talk back to the page that opened them.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.overHttps) reply.header('strict-transport-security', HSTS);
    if (DOCS_PATH.test(request.url)) reply.header('content-security-policy', DOCS_CSP);
  });
}
