import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { maskedPerson } from '../../platform/privacy.js';
import { messagesFor, posterTexts, previewTexts } from './messages.js';
import { pictureDataUri, renderPoster } from './poster.js';
import { renderPreview } from './preview.js';
import { qrSvg } from './qr.js';
import { shareUrl, type TargetType } from './rules.js';
import type { SharingService } from './service.js';
import type { ShareTargets } from './targets.js';

export interface ShareMediaDeps {
  sharing: SharingService;
  targets: ShareTargets;
  /** The web app's public folder, where product pictures such as `/demo/tea.svg` live. */
  publicRoot: string;
  currency: string;
}

/** Bumped when the drawing code changes, so a render of the same content is drawn anew. */
const LAYOUT_VERSION = 2;

/**
 * The cache key of a render: a hash of exactly what is drawn (texts in their language, the
 * picture's bytes, the QR code's URL) and nothing of the request, so a request with another Host
 * can neither poison nor miss a render, and a changed price or name shows at once.
 */
export function contentKey(kind: 'poster' | 'preview', drawn: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ kind, layout: LAYOUT_VERSION, drawn }))
    .digest('base64url');
}

/** A rendered picture and its content key (also its ETag). */
export interface Rendered {
  png: Buffer;
  key: string;
}

/**
 * QR codes, posters and link-preview pictures. Renders are cached by content, as promises, so a
 * poster shared into a busy group chat is drawn once, not once per person who opens it.
 */
export function createShareMedia(deps: ShareMediaDeps) {
  const { sharing, targets } = deps;
  const rendered = new LRUCache<string, Promise<Buffer>>({ max: 500 });

  function cached(key: string, render: () => Promise<Buffer>): Promise<Rendered> {
    let promise = rendered.get(key);
    if (!promise) {
      promise = render();
      rendered.set(key, promise);
      // A failed render is not kept: the next request tries again.
      promise.catch(() => rendered.delete(key));
    }
    return promise.then((png) => ({ png, key }));
  }

  /** The QR code of a link, or undefined for an unknown code. */
  async function qr(code: string, origin: string): Promise<string | undefined> {
    const link = await sharing.resolve(code);
    return link && qrSvg(shareUrl(origin, link.code));
  }

  /**
   * A link's poster in its sharer's language; undefined for an unknown code. The sharer sees their
   * own name on it; anyone else who opens the poster's address sees it masked, as strangers see names.
   */
  async function poster(code: string, origin: string, viewerId?: string): Promise<Rendered | undefined> {
    const link = await sharing.linkWithOwner(code);
    if (!link) return undefined;
    const card = await targets.card(link.targetType, link.targetId);
    const texts = posterTexts(messagesFor(link.ownerLanguage), {
      type: link.targetType,
      card,
      sharerName: viewerId === link.ownerId ? link.ownerName : maskedPerson(link.ownerName).name,
      currency: deps.currency,
    });
    const image = await pictureDataUri(card?.image ?? undefined, deps.publicRoot);
    const qrUrl = shareUrl(origin, link.code);
    return cached(contentKey('poster', { texts, image, qrUrl }), async () =>
      renderPoster({ ...texts, image, qrSvg: await qrSvg(qrUrl) }),
    );
  }

  /**
   * The link preview of a shared page. Reached through a share link (`ref`), it is written in the
   * sharer's language and says who recommends it (masked, as strangers see names); otherwise in
   * `language`. Undefined when the target is gone.
   */
  async function preview(
    type: TargetType,
    id: string,
    options: { ref?: string; language?: string } = {},
  ): Promise<Rendered | undefined> {
    const card = await targets.card(type, id);
    if (!card) return undefined;
    const sharer = options.ref ? await sharing.sharerOf(options.ref) : undefined;
    const recommends =
      sharer && sharer.targetType === type && sharer.targetId === card.id ? sharer : undefined;
    const texts = previewTexts(messagesFor(recommends?.language ?? options.language), {
      card,
      recommender: recommends ? recommends.name : null,
      currency: deps.currency,
    });
    const image = await pictureDataUri(card.image ?? undefined, deps.publicRoot);
    return cached(contentKey('preview', { texts, image }), () => renderPreview({ ...texts, image }));
  }

  return { qr, poster, preview };
}

export type ShareMedia = ReturnType<typeof createShareMedia>;
