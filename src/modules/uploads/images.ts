import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { refuse, tooLarge, tooManyPixels } from './reasons.js';
import { type ImageFormat, orientedSize, sniffImageFormat, variantWidths } from './rules.js';

export interface ImageLimits {
  maxBytes: number;
  /** Width × height an image may have before it is decoded: a small file can expand to gigabytes. */
  maxPixels: number;
}

export interface ProcessedImage {
  format: ImageFormat;
  /** The first 32 hex digits of the original's SHA-256: its variants' keys. */
  hash: string;
  width: number;
  height: number;
  variants: { width: number; bytes: Buffer }[];
}

const ACCEPTED = 'jpeg, png, webp, gif, avif';

// Decoding is the memory peak (up to maxPixels × 4 bytes): two images at a time in this process,
// whoever sends them, so a burst of uploads queues instead of exhausting memory.
const decoding = pLimit(2);

/**
 * Checks an uploaded file and makes its variants: the format from its first bytes, the pixel count
 * from its header (before any decoding), then each width as WebP with the EXIF orientation applied
 * and every metadata block (EXIF, GPS, ICC names) left out.
 */
export async function processImage(bytes: Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const format = sniffImageFormat(bytes);
  if (!format) throw refuse('upload_not_an_image', { accepted: ACCEPTED }, 'The file is not an image');
  // limitInputPixels as well: the header check below is ours, the decoder's is the backstop.
  const input = () => sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error', pages: 1 });
  // The header alone, without the decoder's limit: it would refuse a bomb before we can say why.
  const meta = await sharp(bytes, { limitInputPixels: false, pages: 1 })
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height || meta.format === undefined)
    throw refuse('upload_unreadable', undefined, 'The image cannot be read');
  if (meta.width * meta.height > limits.maxPixels)
    throw tooManyPixels(limits.maxPixels, meta.width, meta.height);
  const size = orientedSize(meta.width, meta.height, meta.orientation);
  try {
    // One decode, to the largest width; the smaller widths are made from that, one after another.
    const widths = variantWidths(size.width);
    const largest = Math.max(...widths);
    const variants = await decoding(async () => {
      const { data, info } = await input()
        .rotate()
        .resize({ width: largest, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const raw = { width: info.width, height: info.height, channels: info.channels };
      const made: { width: number; bytes: Buffer }[] = [];
      for (const width of widths) {
        const bytes = await sharp(data, { raw })
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 82, effort: 2 })
          .toBuffer();
        made.push({ width, bytes });
      }
      return made;
    });
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    return { format, hash, ...size, variants };
  } catch {
    // A header that reads but a body that does not: cut short, or damaged on purpose.
    throw refuse('upload_unreadable', undefined, 'The image cannot be read');
  }
}
