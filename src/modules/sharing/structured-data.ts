/**
 * schema.org structured data for a product page's head, which search engines read for rich results
 * (price, availability, rating). Everything injected is escaped for an HTML <script>: JSON.stringify
 * alone would let a title like `</script><script>…` close the element and run as a script.
 */
import { majorUnits } from '../../platform/csv.js';

export interface ProductFacts {
  name: string;
  description: string | null;
  /** Absolute URLs. */
  url: string;
  image: string | null;
  /** Lowest and highest variant prices in minor units; null when it has no variants. */
  lowPrice: number | null;
  highPrice: number | null;
  currency: string;
  inStock: boolean;
  /**
   * The reviews' average and count, once product reviews exist (there is no review module yet):
   * given, it becomes `aggregateRating`; never invent one, search engines penalise that.
   */
  rating?: { average: number; count: number } | null;
}

/** The JSON-LD object of a product page. */
export function productJsonLd(p: ProductFacts): Record<string, unknown> {
  const availability = `https://schema.org/${p.inStock ? 'InStock' : 'OutOfStock'}`;
  const money = (amount: number) => majorUnits(amount, p.currency);
  const offers =
    p.lowPrice === null
      ? undefined
      : p.highPrice !== null && p.highPrice !== p.lowPrice
        ? {
            '@type': 'AggregateOffer',
            lowPrice: money(p.lowPrice),
            highPrice: money(p.highPrice),
            priceCurrency: p.currency,
            availability,
            url: p.url,
          }
        : { '@type': 'Offer', price: money(p.lowPrice), priceCurrency: p.currency, availability, url: p.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    ...(p.image ? { image: [p.image] } : {}),
    url: p.url,
    ...(offers ? { offers } : {}),
    ...(p.rating && p.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: p.rating.average,
            reviewCount: p.rating.count,
          },
        }
      : {}),
  };
}

/**
 * JSON safe inside <script>: `<`, `>` and `&` as \u escapes (so neither `</script>` nor `<!--` can
 * appear), and the line separators U+2028/U+2029 that old parsers take for line ends.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const jsonLdScript = (value: unknown) =>
  `<script type="application/ld+json">${scriptSafeJson(value)}</script>`;
