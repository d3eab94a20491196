/**
 * Pure rules of image uploads: which formats are accepted (by their first bytes, never by the
 * file name or the type a client claims), which widths are made, and the keys they are stored under.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

/** The widths every upload is offered in; a narrower original is never enlarged. */
export const UPLOAD_WIDTHS = [320, 640, 1280] as const;

export const UPLOAD_PURPOSES = ['product', 'store_logo', 'post', 'review'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image format the bytes begin with, or null: a renamed text file is not an image. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  // ISO-BMFF: a `ftyp` box whose major brand is AVIF (still or sequence).
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))
  )
    return 'avif';
  return null;
}

/**
 * The widths made for an image `width` pixels wide: each standard width it reaches, and its own
 * width when it falls between two (so the largest variant is the original's size, not an upscale).
 */
export function variantWidths(width: number): number[] {
  const reached = UPLOAD_WIDTHS.filter((w) => w <= width);
  const largest = UPLOAD_WIDTHS[UPLOAD_WIDTHS.length - 1] as number;
  if (width < largest && !reached.includes(width as never)) return [...reached, width];
  return [...reached];
}

/** EXIF orientations 5 to 8 turn the picture a quarter: the stored width and height swap. */
export const orientedSize = (width: number, height: number, orientation: number | undefined) =>
  orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };

/** The storage key of one width: the original's content hash, so the same picture is stored once. */
export const variantKey = (hash: string, width: number) => `${hash}-${width}.webp`;

/** What `variantKey` makes, and nothing else: a served key is checked before storage is asked. */
export const VARIANT_KEY = /^[0-9a-f]{32}-[1-9][0-9]{0,4}\.webp$/;

export const UPLOADS_PATH = '/uploads/';
export const variantUrl = (hash: string, width: number) => `${UPLOADS_PATH}${variantKey(hash, width)}`;
