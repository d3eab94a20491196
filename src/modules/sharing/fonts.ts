import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const packageDir = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
const notoSansSC = packageDir('@expo-google-fonts/noto-sans-sc');

export const POSTER_FONT = 'Noto Sans SC';
/**
 * Noto Sans SC first: it has Latin and Chinese in regular and bold, so a mixed title keeps its
 * weight (resvg's per-glyph fallback from DejaVu picked Noto's regular for bold Chinese text).
 * DejaVu stays as the fallback for symbols Noto lacks.
 */
export const POSTER_FONT_FAMILY = `'${POSTER_FONT}', 'DejaVu Sans'`;

/**
 * Fonts shipped with the app (npm packages) and nothing from the system, so a poster looks the
 * same on every server, and a Chinese title or promoter name draws instead of empty boxes.
 */
export const posterFonts: NonNullable<ResvgRenderOptions['font']> = {
  fontFiles: [
    join(dejavu, 'DejaVuSans.ttf'),
    join(dejavu, 'DejaVuSans-Bold.ttf'),
    join(notoSansSC, '400Regular', 'NotoSansSC_400Regular.ttf'),
    join(notoSansSC, '700Bold', 'NotoSansSC_700Bold.ttf'),
  ],
  loadSystemFonts: false,
  defaultFontFamily: POSTER_FONT,
  sansSerifFamily: POSTER_FONT,
};
