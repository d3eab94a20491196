import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { AccountsService } from '../accounts/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { StoresService } from '../stores/index.js';
import { registerCatalogTargets } from './cards.js';
import { createShareMedia } from './media.js';
import { messagesFor } from './messages.js';
import { openGraphTags, withHead } from './open-graph.js';
import { originOf } from './routes.js';
import { escapeXml } from './rules.js';
import { createSharingService, type OrderFacts, type SharingDeps } from './service.js';
import { jsonLdScript, productJsonLd } from './structured-data.js';
import { ShareTargets } from './targets.js';

export interface SharingModuleDeps {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  catalog: CatalogService;
  stores: StoresService;
  currency: string;
  publicUrl: string | undefined;
  /** The web app's files: pictures for posters and previews, index.html for shared pages. */
  webRoot: string;
  /** An order's share code and total, for the link counters (the orders module's attribution facts). */
  orderFacts: OrderFacts;
  onClickWriteFailed: (error: unknown, lost: number) => void;
  /** Told of every click as it is buffered (the analytics event log). */
  onClick?: SharingDeps['onClick'];
  events?: EventBus;
  /** A product's visible reviews' average and count (the reviews module's summary), for JSON-LD. */
  productRating?: (productId: string) => Promise<{ average: number | null; count: number }>;
}

/** Share links, their media, and the Open Graph head of shared pages, composed once. */
export function createSharingModule(deps: SharingModuleDeps) {
  const targets = new ShareTargets();
  registerCatalogTargets(targets, deps.catalog, deps.stores);
  const service = createSharingService({ ...deps, targets });
  const media = createShareMedia({
    sharing: service,
    targets,
    publicRoot: deps.webRoot,
    currency: deps.currency,
  });

  /**
   * A shared page (product, store, group) with its preview tags; undefined for other pages. Reached
   * through a share link (`?ref=<code>` of the same target), it says who recommends it, in the
   * sharer's language, and its preview picture is theirs too. URLs come from PUBLIC_URL.
   */
  async function pageHtml(request: FastifyRequest, indexHtml: string): Promise<string | undefined> {
    const url = new URL(request.url, 'http://page.invalid');
    const card = await targets.cardOfPage(url.pathname);
    if (!card) return undefined;
    const ref = url.searchParams.get('ref');
    const sharer = ref ? await service.sharerOf(ref) : undefined;
    const recommends = sharer?.targetType === card.type && sharer.targetId === card.id ? sharer : undefined;
    const messages = messagesFor(recommends?.language);
    const origin = originOf(request, deps.publicUrl);
    const preview = `${origin}/api/share-previews/${card.type}/${encodeURIComponent(card.id)}/image.png`;
    const tags = openGraphTags(
      card,
      {
        page: `${origin}${card.path}`,
        image: recommends ? `${preview}?ref=${encodeURIComponent(recommends.code)}` : preview,
      },
      { messages, recommender: recommends?.name ?? null },
    );
    const page = `${origin}${card.path}`;
    const head = [tags, `<link rel="canonical" href="${escapeXml(page)}">`];
    if (card.facts?.kind === 'product') {
      const summary = await deps.productRating?.(card.id);
      const image = card.image && (card.image.startsWith('/') ? `${origin}${card.image}` : card.image);
      head.push(
        jsonLdScript(
          productJsonLd({
            name: card.title,
            description: card.description,
            url: page,
            image,
            lowPrice: card.price,
            highPrice: card.facts.highPrice ?? card.price,
            currency: deps.currency,
            inStock: card.facts.inStock ?? true,
            // Only real reviews: no rating at all rather than an invented one.
            rating:
              summary && summary.average !== null ? { average: summary.average, count: summary.count } : null,
          }),
        ),
      );
    }
    return withHead(indexHtml, { title: card.title, tags: head.join('\n    '), siteName: messages.brand });
  }

  return { service, media, targets, pageHtml };
}

export type SharingModule = ReturnType<typeof createSharingModule>;
export { openWebRoutes } from './open-web.js';
export { sharingReasons } from './reasons.js';
export { cachedRedirect } from './redirect.js';
export { sharingRoutes } from './routes.js';
export { SharerSchema } from './schemas.js';
export type { OrderFacts, SharingService } from './service.js';
export type { ShareTargets, TargetCard } from './targets.js';
