import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { UploadsService } from '../modules/uploads/index.js';
import { projectPath } from '../platform/paths.js';
import { demoImagePath } from './catalog.js';

/**
 * The demo's pictures as real uploads: each SVG drawn for the catalog (web/public/demo) rendered
 * to a PNG with sharp and uploaded as a shopkeeper or the operator would, so product pages and the
 * store show resized WebP widths with a srcset. Nothing is downloaded.
 */
const rendered = new Map<string, Promise<Buffer>>();

// Drawn once per process (a test seeds several shops); compression is the upload's job, not this one's.
const pngOf = (slug: string) => {
  let png = rendered.get(slug);
  if (!png) {
    png = readFile(projectPath('web', 'public', demoImagePath(slug))).then((svg) =>
      // 640 px wide is enough for a phone (the catalog's drawings are 800), and keeps the seed quick.
      sharp(svg).resize({ width: 640 }).png({ compressionLevel: 0 }).toBuffer(),
    );
    rendered.set(slug, png);
  }
  return png;
};

export async function uploadDemoPicture(
  uploads: UploadsService,
  ownerId: string,
  slug: string,
  purpose: 'product' | 'store_logo' | 'review' | 'post',
) {
  return uploads.upload(ownerId, await pngOf(slug), purpose);
}

/** Every product's picture, uploaded by the operator; a few at a time, as sharp works in threads. */
export async function uploadDemoPictures(
  uploads: UploadsService,
  ownerId: string,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const queue = [...slugs];
  const worker = async () => {
    for (let slug = queue.shift(); slug !== undefined; slug = queue.shift())
      urls.set(slug, (await uploadDemoPicture(uploads, ownerId, slug, 'product')).url);
  };
  await Promise.all([worker(), worker()]);
  return urls;
}
