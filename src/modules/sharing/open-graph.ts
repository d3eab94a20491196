import { escapeXml, truncate } from './rules.js';
import type { TargetCard } from './targets.js';

export interface PageUrls {
  /** The absolute URL of the page itself. */
  page: string;
  /** The absolute URL of its 1200×630 preview picture. */
  image: string;
}

/**
 * Open Graph and Twitter card tags for a shared page, so chat apps and social sites show a
 * preview. Everything from the database is escaped.
 */
export function openGraphTags(card: TargetCard, urls: PageUrls, siteName = 'Fission'): string {
  const description = truncate(card.description || card.title, 200);
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', siteName],
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

/** The web app's index.html with the page's title and tags in its head. */
export function withHead(indexHtml: string, title: string, tags: string): string {
  const titled = indexHtml.replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(title)} · Fission</title>`);
  return titled.replace('</head>', `    ${tags}\n  </head>`);
}
