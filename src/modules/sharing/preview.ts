import { renderAsync } from '@resvg/resvg-js';
import { POSTER_FONT_FAMILY, posterFonts } from './fonts.js';
import type { PreviewTexts } from './messages.js';
import { escapeXml, wrapText } from './rules.js';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What a preview draws: its texts, already worded in the sharer's language (messages.ts), and its picture. */
export interface PreviewContent extends PreviewTexts {
  /** A data: URI of the picture, or null. */
  image: string | null;
}

/**
 * The Open Graph picture of a product page: 1200×630 PNG, the size chat apps and social sites
 * show. Product pictures may be SVG, which link previews do not display, hence a rendering.
 */
export function previewSvg(content: PreviewContent): string {
  const title = wrapText(content.title, 20, 3)
    .map((line, i) => `<tspan x="680" dy="${i === 0 ? 0 : 62}">${escapeXml(line)}</tspan>`)
    .join('');
  const picture = content.image
    ? `<image x="0" y="0" width="630" height="630" href="${escapeXml(content.image)}" preserveAspectRatio="xMidYMid slice"/>`
    : '<rect width="630" height="630" fill="#f3e3dc"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"
    viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" font-family="${POSTER_FONT_FAMILY}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  ${picture}
  <text x="680" y="200" font-size="48" font-weight="bold" fill="#1a1a1a">${title}</text>
  ${content.price ? `<text x="680" y="450" font-size="56" font-weight="bold" fill="#e4572e">${escapeXml(content.price)}</text>` : ''}
  ${content.recommends ? `<text x="680" y="520" font-size="30" font-weight="bold" fill="#1a1a1a">${escapeXml(wrapText(content.recommends, 26, 1)[0] ?? '')}</text>` : ''}
  <text x="680" y="580" font-size="28" fill="#6b6b6b">${escapeXml(content.tagline)}</text>
</svg>`;
}

export async function renderPreview(content: PreviewContent): Promise<Buffer> {
  const rendered = await renderAsync(previewSvg(content), { font: posterFonts, fitTo: { mode: 'original' } });
  return rendered.asPng();
}
