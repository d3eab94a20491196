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

export type VideoFormat = 'mp4' | 'webm';
export const VIDEO_TYPES: Record<VideoFormat, string> = { mp4: 'video/mp4', webm: 'video/webm' };

// ISO-BMFF major brands of MP4 video; AVIF and HEIF share the `ftyp` box but are pictures.
const MP4_BRANDS = ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4'];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/**
 * The video format the bytes begin with, or null. MP4: a `ftyp` box with a video brand. WebM: an
 * EBML header whose DocType (within its first bytes) is `webm`; Matroska's `matroska` is refused,
 * as browsers do not all play it.
 */
export function sniffVideoFormat(bytes: Uint8Array): VideoFormat | null {
  if (startsWith(bytes, ascii('ftyp'), 4) && MP4_BRANDS.some((brand) => startsWith(bytes, ascii(brand), 8)))
    return 'mp4';
  if (startsWith(bytes, EBML)) {
    const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
    if (head.includes('\u0042\u0082') && head.includes('webm')) return 'webm';
  }
  return null;
}

/** A video's storage key: its content hash and format. */
export const videoKey = (hash: string, format: VideoFormat) => `${hash}.${format}`;
export const VIDEO_KEY = /^[0-9a-f]{32}\.(mp4|webm)$/;
export const videoUrl = (hash: string, format: VideoFormat) => `${UPLOADS_PATH}${videoKey(hash, format)}`;

/** A person's video quota counts what they uploaded in the last 24 hours. */
export const QUOTA_WINDOW_MS = 24 * 3_600_000;

/**
 * How long until `incoming` more bytes fit within `quota`, given the window's uploads oldest first:
 * each frees its bytes when it leaves the window. Never fits (a file larger than the quota): a window.
 */
export function quotaRetryAfterMs(
  uploads: readonly { bytes: number; at: number }[],
  incoming: number,
  quota: number,
  now: number,
): number {
  let used = uploads.reduce((sum, u) => sum + u.bytes, 0);
  if (used + incoming <= quota) return 0;
  for (const upload of uploads) {
    used -= upload.bytes;
    if (used + incoming <= quota) return Math.max(0, upload.at + QUOTA_WINDOW_MS - now);
  }
  return QUOTA_WINDOW_MS;
}

/** The one byte range of a `Range: bytes=a-b` header within `size` bytes, or null (send it all, or 416). */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === '' && to === '') return null;
  // `bytes=-n`: the last n bytes.
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
