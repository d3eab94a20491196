import type { FastifyPluginAsync } from 'fastify';
import { collectPages } from '../../platform/csv.js';
import type { CatalogService } from '../catalog/index.js';
import type { StoresService } from '../stores/index.js';
import { originOf } from './routes.js';
import { escapeXml } from './rules.js';

/** Paths of the web app that are someone's own or the console: nothing for a search engine. */
const PRIVATE_PATHS = [
  '/api/',
  '/admin',
  '/account',
  '/cart',
  '/checkout',
  '/pay/',
  '/orders',
  '/my-',
  '/notifications',
  '/promote',
  '/signin',
  '/signup',
];

/**
 * Kept open under those: link-preview crawlers (Twitterbot, say) honour robots.txt, and a shared
 * page's preview picture is served under /api. Share links (/s/…) stay open for the same reason.
 */
const PREVIEW_PATHS = ['/api/share-previews/'];

/** Public pages that are always there, besides products and stores. */
const STATIC_PAGES = ['/', '/coupons', '/points-mall', '/academy', '/competitions'];

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...PREVIEW_PATHS.map((p) => `Allow: ${p}`),
    ...PRIVATE_PATHS.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

/** A sitemap (sitemaps.org 0.9) of absolute URLs; paths are percent-encoded by their makers. */
export function sitemapXml(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `  <url><loc>${escapeXml(origin + e.path)}</loc>${e.lastModified ? `<lastmod>${escapeXml(e.lastModified)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** One sitemap holds at most 50,000 URLs; the catalog part stops well before. */
const MAX_PRODUCTS = 40_000;

/**
 * `/robots.txt` and `/sitemap.xml` for search engines: the public pages, every active product and
 * every store, with absolute URLs from PUBLIC_URL (from the request on the embedded database).
 */
export const openWebRoutes: FastifyPluginAsync<{
  catalog: CatalogService;
  stores: StoresService;
  publicUrl: string | undefined;
}> = async (app, { catalog, stores, publicUrl }) => {
  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(originOf(request, publicUrl))),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const { items: products } = await collectPages(
      (cursor, limit) => catalog.listProducts({ sort: 'newest', cursor, limit, includeArchived: false }),
      MAX_PRODUCTS,
    );
    const storeSlugs = await stores.publicStores(MAX_PRODUCTS);
    const entries: SitemapEntry[] = [
      ...STATIC_PAGES.map((path) => ({ path })),
      ...products.map((p) => ({ path: `/products/${encodeURIComponent(p.id)}`, lastModified: p.updatedAt })),
      ...storeSlugs.map((s) => ({
        path: `/stores/${encodeURIComponent(s.slug)}`,
        lastModified: s.updatedAt,
      })),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(sitemapXml(originOf(request, publicUrl), entries));
  });
};
