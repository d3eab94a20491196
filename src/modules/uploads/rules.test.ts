import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  byteRange,
  orientedSize,
  QUOTA_WINDOW_MS,
  quotaRetryAfterMs,
  sniffImageFormat,
  sniffVideoFormat,
  UPLOAD_PURPOSES,
  VARIANT_KEY,
  variantKey,
  variantWidths,
} from './rules.js';
import { UploadPurposeSchema } from './schemas.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageFormat', () => {
  it('knows each accepted format by its first bytes', () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(bytes('GIF89a'))).toBe('gif');
    expect(sniffImageFormat(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('avif');
  });

  it('refuses what only looks like an image by name: text, SVG, a RIFF that is not WebP, too few bytes', () => {
    expect(sniffImageFormat(bytes('hello.png'))).toBeNull();
    expect(sniffImageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeNull();
    expect(sniffImageFormat(bytes([0x89], 'PN'))).toBeNull();
    expect(sniffImageFormat(bytes([0, 0, 0, 0x1c], 'ftypmp42'))).toBeNull();
  });
});

describe('variantWidths', () => {
  it('makes each standard width the picture reaches, and never a wider one', () => {
    expect(variantWidths(4000)).toEqual([320, 640, 1280]);
    expect(variantWidths(1280)).toEqual([320, 640, 1280]);
    expect(variantWidths(900)).toEqual([320, 640, 900]);
    expect(variantWidths(640)).toEqual([320, 640]);
    expect(variantWidths(100)).toEqual([100]);
  });

  it('never exceeds the original, for every width', () => {
    for (let w = 1; w <= 2000; w += 7) expect(Math.max(...variantWidths(w))).toBe(Math.min(w, 1280));
  });
});

describe('keys and orientation', () => {
  it('makes keys the served-key pattern accepts, and nothing with a path in it', () => {
    expect(VARIANT_KEY.test(variantKey('0123456789abcdef0123456789abcdef', 640))).toBe(true);
    for (const key of [
      '../x-320.webp',
      '0123-320.webp',
      `${'a'.repeat(32)}-320.png`,
      `${'a'.repeat(32)}-0.webp`,
    ])
      expect(VARIANT_KEY.test(key)).toBe(false);
  });

  it('swaps width and height for the quarter-turn orientations', () => {
    expect(orientedSize(600, 300, 6)).toEqual({ width: 300, height: 600 });
    expect(orientedSize(600, 300, 3)).toEqual({ width: 600, height: 300 });
    expect(orientedSize(600, 300, undefined)).toEqual({ width: 600, height: 300 });
  });
});

it('the purposes agree with the schema and the table’s check', () => {
  expect(UploadPurposeSchema.anyOf.map((s: { const: string }) => s.const)).toEqual([...UPLOAD_PURPOSES]);
  const sql = readFileSync(new URL('../../../migrations/027_uploads.sql', import.meta.url), 'utf8');
  expect(sql).toContain(`purpose IN (${UPLOAD_PURPOSES.map((p) => `'${p}'`).join(', ')})`);
});

describe('video formats and byte ranges', () => {
  const box = (brand: string) =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.alloc(8)]);
  it('knows MP4 and WebM by their first bytes, not pictures in the same box', () => {
    expect(sniffVideoFormat(box('isom'))).toBe('mp4');
    expect(sniffVideoFormat(box('mp42'))).toBe('mp4');
    expect(sniffVideoFormat(box('avif'))).toBeNull();
    expect(sniffVideoFormat(box('heic'))).toBeNull();
    const webm = Buffer.from([
      0x1a,
      0x45,
      0xdf,
      0xa3,
      0x9f,
      0x42,
      0x86,
      0x81,
      0x01,
      0x42,
      0x82,
      0x84,
      ...Buffer.from('webm'),
    ]);
    expect(sniffVideoFormat(webm)).toBe('webm');
    const mkv = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88, ...Buffer.from('matroska')]);
    expect(sniffVideoFormat(mkv)).toBeNull();
    expect(sniffVideoFormat(Buffer.from('not a video at all'))).toBeNull();
  });

  it('reads one byte range inside the size, the last n bytes, or says it cannot', () => {
    expect(byteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(byteRange(undefined, 100)).toBeNull();
  });
});

describe('quotaRetryAfterMs', () => {
  const hour = 3_600_000;
  const now = 100 * hour;
  it('is 0 when the bytes fit, else when enough of the oldest uploads have left the window', () => {
    const uploads = [
      { bytes: 300, at: now - 20 * hour },
      { bytes: 300, at: now - 10 * hour },
    ];
    expect(quotaRetryAfterMs(uploads, 400, 1000, now)).toBe(0);
    expect(quotaRetryAfterMs(uploads, 500, 1000, now)).toBe(4 * hour);
    expect(quotaRetryAfterMs(uploads, 800, 1000, now)).toBe(14 * hour);
    // Larger than the quota on its own: never fits, so a whole window.
    expect(quotaRetryAfterMs(uploads, 2000, 1000, now)).toBe(QUOTA_WINDOW_MS);
  });
});
