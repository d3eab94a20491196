import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const POSTER_FONT = 'DejaVu Sans';

/**
 * Fonts shipped with the app (the dejavu-fonts-ttf package) and nothing from the system, so a
 * poster looks the same on every server. DejaVu has no CJK glyphs.
 */
export const posterFonts: NonNullable<ResvgRenderOptions['font']> = {
  fontFiles: [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')],
  loadSystemFonts: false,
  defaultFontFamily: POSTER_FONT,
  sansSerifFamily: POSTER_FONT,
};
