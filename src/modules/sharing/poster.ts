import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { POSTER_FONT_FAMILY, posterFonts } from './fonts.js';
import type { PosterTexts } from './messages.js';
import { escapeXml, wrapText } from './rules.js';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;

/** What a poster draws: its texts, already worded in the sharer's language (messages.ts), and pictures. */
export interface PosterContent extends PosterTexts {
  /** A data: URI of the picture, or null for a plain panel. */
  image: string | null;
  /** The QR code of the share link, as an SVG document. */
  qrSvg: string;
}

const ACCENT = '#e4572e';
const MUTED = '#6b6b6b';

const dataUri = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

/** SVG text lines as tspans, every line escaped. */
function lines(texts: readonly string[], x: number, lineHeight: number): string {
  return texts
    .map((text, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(text)}</tspan>`)
    .join('');
}

function picture(image: string | null, brand: string): string {
  if (!image) {
    return `<rect x="40" y="40" width="670" height="670" rx="24" fill="#f3e3dc"/>
      <text x="375" y="400" text-anchor="middle" font-size="64" font-weight="bold" fill="${ACCENT}">${escapeXml(brand)}</text>`;
  }
  return `<image x="40" y="40" width="670" height="670" href="${escapeXml(image)}"
      preserveAspectRatio="xMidYMid slice" clip-path="url(#picture)"/>`;
}

/** The poster as an SVG document; every piece of user text is escaped. */
export function posterSvg(content: PosterContent): string {
  const title = wrapText(content.heading, 28, 2);
  const sharedBy = wrapText(content.sharedBy, 22, 2);
  const disclosure = wrapText(content.disclosure, 34, 3);
  const price = [content.price, content.note].filter((t): t is string => Boolean(t));
  const qr = dataUri('image/svg+xml', Buffer.from(content.qrSvg));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}"
    viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}" font-family="${POSTER_FONT_FAMILY}">
  <defs><clipPath id="picture"><rect x="40" y="40" width="670" height="670" rx="24"/></clipPath></defs>
  <rect width="100%" height="100%" fill="#ffffff"/>
  ${picture(content.image, content.brand)}
  <text x="40" y="790" font-size="38" font-weight="bold" fill="#1a1a1a">${lines(title, 40, 50)}</text>
  ${price[0] ? `<text x="40" y="905" font-size="${content.price ? 54 : 30}" font-weight="bold" fill="${ACCENT}">${escapeXml(price[0])}</text>` : ''}
  ${price[1] ? `<text x="40" y="945" font-size="22" fill="${MUTED}">${lines(wrapText(price[1], 50, 1), 40, 0)}</text>` : ''}
  <line x1="40" y1="960" x2="710" y2="960" stroke="#e6e6e6" stroke-width="2"/>
  <text x="40" y="1040" font-size="30" font-weight="bold" fill="#1a1a1a">${lines(sharedBy, 40, 40)}</text>
  <text x="40" y="1140" font-size="24" fill="#1a1a1a">${escapeXml(content.scan)}</text>
  <text x="40" y="1190" font-size="20" fill="${MUTED}">${lines(disclosure, 40, 28)}</text>
  <image x="470" y="990" width="240" height="240" href="${qr}"/>
  <text x="375" y="1300" text-anchor="middle" font-size="22" fill="${MUTED}">${escapeXml(content.tagline)}</text>
</svg>`;
}

export async function renderPoster(content: PosterContent): Promise<Buffer> {
  // renderAsync runs on libuv's thread pool: a poster never blocks redirects on the event loop.
  const rendered = await renderAsync(posterSvg(content), { font: posterFonts, fitTo: { mode: 'original' } });
  return rendered.asPng();
}

const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/**
 * A product picture as a data: URI, read from the web app's public folder for site paths
 * (`/demo/tea.svg`). Remote pictures are not fetched: a poster must not wait on, or be steered to,
 * another server. Null when there is nothing usable.
 */
export async function pictureDataUri(src: string | undefined, publicRoot: string): Promise<string | null> {
  const path = src?.startsWith('/') ? src.split('?')[0] : undefined;
  const mime = path && IMAGE_TYPES[extname(path).toLowerCase()];
  if (!path || !mime) return null;
  try {
    const root = resolve(publicRoot);
    const file = resolve(root, `.${decodeURIComponent(path)}`);
    // `..` in a stored path must not read files outside the public folder.
    if (!file.startsWith(root + sep)) return null;
    return dataUri(mime, await readFile(file));
  } catch {
    return null;
  }
}
