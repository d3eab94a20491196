import { describe, type ShareMessages } from './messages.js';
import { escapeXml, truncate } from './rules.js';
import type { TargetCard } from './targets.js';

export interface PageUrls {
  /** The absolute URL of the page itself. */
  page: string;
  /** The absolute URL of its 1200×630 preview picture. */
  image: string;
}

/** What a shared page says in its preview: reached through a share link, who recommends it. */
export interface PageWords {
  messages: ShareMessages;
  /** The sharer's name as strangers see it, or null when the page was not reached through a link. */
  recommender: string | null;
}

/**
 * Open Graph and Twitter card tags for a shared page, so chat apps and social sites show a
 * preview: "陈* 推荐 · …" when it was reached through someone's link. Everything is escaped.
 */
export function openGraphTags(card: TargetCard, urls: PageUrls, words: PageWords): string {
  const { messages: m, recommender } = words;
  const about = describe(m, card);
  const description = truncate(recommender === null ? about : `${m.recommends(recommender)} · ${about}`, 200);
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', m.brand],
    ['property', 'og:locale', m.ogLocale],
    ['property', 'og:title', card.title],
    ['property', 'og:description', description],
    ['property', 'og:url', urls.page],
    ['property', 'og:image', urls.image],
    ['property', 'og:image:width', '1200'],
    ['property', 'og:image:height', '630'],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', card.title],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', urls.image],
  ];
  return tags
    .map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeXml(value)}">`)
    .join('\n    ');
}

/**
 * The web app's index.html with the page's title and tags in its head. Function replacements
 * only: a replacement string would read `$&`, `` $` `` and `$'` in a title or name as patterns and
 * paste the page's own HTML into it.
 */
export function withHead(indexHtml: string, head: { title: string; tags: string; siteName: string }): string {
  const heading = `<title>${escapeXml(head.title)} · ${escapeXml(head.siteName)}</title>`;
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => heading)
    .replace('</head>', () => `    ${head.tags}\n  </head>`);
}
