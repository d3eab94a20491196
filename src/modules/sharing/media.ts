import { LRUCache } from 'lru-cache';
import { pictureDataUri, renderPoster } from './poster.js';
import { renderPreview } from './preview.js';
import { qrSvg } from './qr.js';
import { formatPrice, shareUrl, type TargetType } from './rules.js';
import type { SharingService } from './service.js';
import type { ShareTargets } from './targets.js';

export interface ShareMediaDeps {
  sharing: SharingService;
  targets: ShareTargets;
  /** The web app's public folder, where product pictures such as `/demo/tea.svg` live. */
  publicRoot: string;
  currency: string;
}

const TEN_MINUTES = 10 * 60_000;

/**
 * QR codes, posters and link-preview pictures. Renders are cached as promises, so a poster shared
 * into a busy group chat is drawn once, not once per person who opens it; ten minutes later a
 * changed price or name shows.
 */
export function createShareMedia(deps: ShareMediaDeps) {
  const { sharing, targets } = deps;
  const rendered = new LRUCache<string, Promise<Buffer | undefined>>({ max: 500, ttl: TEN_MINUTES });

  function cached(key: string, render: () => Promise<Buffer | undefined>) {
    const hit = rendered.get(key);
    if (hit) return hit;
    const promise = render();
    rendered.set(key, promise);
    // A failed render is not kept: the next request tries again.
    promise.then((png) => png ?? rendered.delete(key)).catch(() => rendered.delete(key));
    return promise;
  }

  const priceOf = (amount: number | null) => (amount === null ? null : formatPrice(amount, deps.currency));

  /** The QR code of a link, or undefined for an unknown code. */
  async function qr(code: string, origin: string): Promise<string | undefined> {
    const link = await sharing.resolve(code);
    return link && qrSvg(shareUrl(origin, link.code));
  }

  function poster(code: string, origin: string): Promise<Buffer | undefined> {
    return cached(`poster:${origin}:${code}`, async () => {
      const link = await sharing.linkWithOwner(code);
      if (!link) return undefined;
      const card = await targets.card(link.targetType, link.targetId);
      return renderPoster({
        heading: card?.title ?? 'Fission',
        price: priceOf(card?.price ?? null),
        image: await pictureDataUri(card?.image ?? undefined, deps.publicRoot),
        promoterName: link.ownerName,
        qrSvg: await qrSvg(shareUrl(origin, link.code)),
      });
    });
  }

  function preview(type: TargetType, id: string): Promise<Buffer | undefined> {
    return cached(`preview:${type}:${id}`, async () => {
      const card = await targets.card(type, id);
      if (!card) return undefined;
      return renderPreview({
        title: card.title,
        price: priceOf(card.price),
        image: await pictureDataUri(card.image ?? undefined, deps.publicRoot),
      });
    });
  }

  return { qr, poster, preview };
}

export type ShareMedia = ReturnType<typeof createShareMedia>;
