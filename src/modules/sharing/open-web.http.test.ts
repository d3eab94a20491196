import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { productJsonLd, scriptSafeJson } from './structured-data.js';

let t: TestApp;
let webRoot: string;
const INDEX_HTML = `<!doctype html><html><head><meta charset="UTF-8" /><title>Fission</title></head>
<body><div id="root"></div></body></html>`;

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'fission-web-'));
  writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' }, undefined, { webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const jsonLdOf = (html: string) => {
  const match = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  return match ? JSON.parse(match[1] as string) : undefined;
};

describe('product pages for search engines', () => {
  it('carry schema.org Product JSON-LD and a canonical URL from PUBLIC_URL, next to the Open Graph tags', async () => {
    const product = await t.services.catalog.createProduct({
      title: 'Longjing tea',
      description: 'Spring harvest',
      images: ['/demo/tea.svg'],
      variants: [
        { sku: 'OW-1', price: 4550, stock: 0 },
        { sku: 'OW-2', price: 9900, stock: 2 },
      ],
    });
    const res = await t.request('GET', `/products/${product.id}?ref=whatever`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('og:title');
    expect(res.body).toContain(`<link rel="canonical" href="https://shop.example/products/${product.id}">`);
    expect(jsonLdOf(res.body)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Longjing tea',
      description: 'Spring harvest',
      image: ['https://shop.example/demo/tea.svg'],
      url: `https://shop.example/products/${product.id}`,
      offers: {
        '@type': 'AggregateOffer',
        lowPrice: '45.50',
        highPrice: '99.00',
        priceCurrency: 'CNY',
        availability: 'https://schema.org/InStock',
        url: `https://shop.example/products/${product.id}`,
      },
    });
  });

  it('says the rating of the visible reviews once a buyer reviewed the product, and none before', async () => {
    const product = await t.services.catalog.createProduct({
      title: 'Reviewed tea',
      variants: [{ sku: 'OW-R', price: 1000, stock: 5 }],
    });
    expect(jsonLdOf((await t.request('GET', `/products/${product.id}`)).body)).not.toHaveProperty(
      'aggregateRating',
    );
    const buyer = await t.signUp();
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: product.variants[0]!.id, quantity: 1 }] },
    });
    const orderId = placed.json<{ id: string }>().id;
    await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: buyer.token });
    const reviewed = await t.request('POST', `/api/orders/${orderId}/reviews`, {
      token: buyer.token,
      body: { rating: 4, body: 'good' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(jsonLdOf((await t.request('GET', `/products/${product.id}`)).body).aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4,
      reviewCount: 1,
    });
  });

  it('cannot be broken out of by a title holding </script>', async () => {
    const title = 'Tea</script><script>alert(1)</script><!--';
    const product = await t.services.catalog.createProduct({
      title,
      variants: [{ sku: 'OW-3', price: 100, stock: 0 }],
    });
    const res = await t.request('GET', `/products/${product.id}`);
    expect(res.body).not.toContain('<script>alert(1)');
    const ld = jsonLdOf(res.body);
    expect(ld.name).toBe(title);
    expect(ld.offers).toMatchObject({
      '@type': 'Offer',
      price: '1.00',
      availability: 'https://schema.org/OutOfStock',
    });
  });

  it('escapes every character that could end the script, and says a rating only when there are reviews', () => {
    expect(scriptSafeJson({ a: '</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
    const facts = {
      name: 'x',
      description: null,
      url: 'https://s/p',
      image: null,
      lowPrice: 100,
      highPrice: 100,
      currency: 'CNY',
      inStock: true,
    };
    expect(productJsonLd(facts)).not.toHaveProperty('aggregateRating');
    expect(productJsonLd({ ...facts, rating: { average: 4.5, count: 12 } }).aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4.5,
      reviewCount: 12,
    });
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt keeps crawlers out of the console and private pages and names the sitemap', async () => {
    const res = await t.request('GET', '/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('Disallow: /admin');
    expect(res.body).toContain('Disallow: /api/');
    // Link previews keep working: their pictures and the share links are open to crawlers.
    expect(res.body).toContain('Allow: /api/share-previews/');
    expect(res.body).not.toContain('Disallow: /s/');
    expect(res.body).toContain('Sitemap: https://shop.example/sitemap.xml');
  });

  it('the sitemap lists active products and stores, not archived ones, with absolute URLs', async () => {
    const kept = await t.services.catalog.createProduct({
      title: 'Kept',
      variants: [{ sku: 'OW-4', price: 1, stock: 1 }],
    });
    const gone = await t.services.catalog.createProduct({
      title: 'Gone',
      variants: [{ sku: 'OW-5', price: 1, stock: 1 }],
    });
    await t.services.catalog.archiveProduct(gone.id);
    const owner = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token: owner.token });
    const store = await t.request('POST', '/api/stores', {
      token: owner.token,
      body: { name: 'Tea & Co', slug: 'tea-co' },
    });
    expect(store.statusCode).toBe(201);
    const res = await t.request('GET', '/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(res.body).toContain(`<loc>https://shop.example/products/${kept.id}</loc>`);
    expect(res.body).not.toContain(gone.id);
    expect(res.body).toContain('<loc>https://shop.example/stores/tea-co</loc>');
    expect(res.body).toContain('<loc>https://shop.example/</loc>');
  });
});
