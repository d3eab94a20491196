import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { baseSecurityHeaders } from '../../platform/http/security-headers.js';
import { clientAddress, forwardedProto, type TrustFunction } from '../../platform/http/trust-proxy.js';
import { deviceCookie, knownDeviceId, refCookie, withRef } from './rules.js';
import { newDeviceId, type ResolvedLink, type SharingService } from './service.js';

export interface RedirectAnswer {
  location: string;
  cookies: string[];
  /** The visitor's device: from their cookie, or newly minted (and then set as a cookie). */
  deviceId: string;
}

/** What a click on a link answers: its landing page, the attribution cookie, a device cookie if new. */
export function redirectAnswer(
  link: ResolvedLink,
  cookieHeader: string | undefined,
  secure: boolean,
): RedirectAnswer {
  const known = knownDeviceId(cookieHeader);
  const deviceId = known ?? newDeviceId();
  const cookies = [refCookie(link.code, secure)];
  if (!known) cookies.push(deviceCookie(deviceId, secure));
  return { location: withRef(link.landing, link.code), cookies, deviceId };
}

export const REDIRECT_HEADERS = { 'cache-control': 'private, no-store' } as const;

const CACHED_PATH = /^\/s\/([0-9A-Za-z]{6,16})$/;

/**
 * The redirect of a link this process has already resolved, answered on Node's HTTP server before
 * the framework: a link tapped by everyone in a busy group chat skips the per-request logger, hooks
 * and schema work, which cost three times the redirect itself. Anything else (a code not cached yet,
 * a query string, another method) returns false and goes to the Fastify route, which answers the
 * same way. Addresses and scheme follow TRUST_PROXY as Fastify's do.
 */
export function cachedRedirect(
  sharing: SharingService,
  trustProxy: TrustFunction,
  publicUrl?: string,
  log?: SampledLog,
) {
  // As `request.overHttps`: a shop whose public address is https is reached over https.
  const publicHttps = publicUrl?.startsWith('https:') ?? false;
  let answered = 0;
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' || !request.url) return false;
    const code = CACHED_PATH.exec(request.url)?.[1];
    const link = code === undefined ? undefined : sharing.cachedLink(code);
    if (!link) return false;
    const peer = request.socket.remoteAddress;
    const forwarded = forwardedProto(trustProxy, peer, request.headers['x-forwarded-proto']);
    const secure =
      publicHttps || (forwarded ? forwarded === 'https' : Boolean((request.socket as TLSSocket).encrypted));
    const answer = redirectAnswer(link, request.headers.cookie, secure);
    sharing.recordClick(link, {
      deviceId: answer.deviceId,
      ip: clientAddress(trustProxy, peer, request.headers['x-forwarded-for']),
      userAgent: request.headers['user-agent'],
    });
    response.writeHead(302, {
      ...baseSecurityHeaders(secure),
      ...REDIRECT_HEADERS,
      location: answer.location,
      'set-cookie': answer.cookies,
      'content-length': 0,
    });
    response.end();
    // The request log sees one in LOG_SAMPLE of them (with the rate, to scale counts back up);
    // /metrics counts every one (fission_share_redirects_total).
    if (++answered % LOG_SAMPLE === 0)
      log?.info(
        {
          req: { method: 'GET', url: request.url },
          res: { statusCode: 302 },
          fastPath: true,
          sampleRate: LOG_SAMPLE,
        },
        'request completed',
      );
    return true;
  };
}

const LOG_SAMPLE = 100;

export interface SampledLog {
  info(details: object, message: string): void;
}
