import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { POSTER_FONT_FAMILY, posterFonts } from './fonts.js';
import { posterTexts, SHARE_MESSAGES } from './messages.js';
import { type PosterContent, posterSvg, renderPoster } from './poster.js';

type Fonts = typeof posterFonts;
const dejavuOnly: Fonts = {
  ...posterFonts,
  fontFiles: posterFonts.fontFiles?.filter((f) => f.includes('DejaVu')),
};

/** One line of text drawn alone, as raw RGBA pixels. */
async function pixelsOf(text: string, options: { font?: Fonts; family?: string; weight?: string } = {}) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"
    font-family="${options.family ?? POSTER_FONT_FAMILY}"><rect width="100%" height="100%" fill="#fff"/>
    <text x="10" y="45" font-size="40" font-weight="${options.weight ?? 'normal'}">${text}</text></svg>`;
  const rendered = await renderAsync(svg, { font: options.font ?? posterFonts, fitTo: { mode: 'original' } });
  return Buffer.from(rendered.pixels);
}

/** How many pixels are dark (red channel below half). */
const ink = (pixels: Buffer) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;

// Without a font that has their glyphs, two different Chinese names draw as the same missing-glyph
// boxes (or nothing); with real glyphs they differ.
describe('poster fonts', () => {
  it('draw Chinese: two different names give two different pictures', async () => {
    const [chen, wang] = await Promise.all([pixelsOf('陈杰'), pixelsOf('王芳')]);
    expect(ink(chen)).toBeGreaterThan(0);
    expect(chen.equals(wang)).toBe(false);
  });

  it('tell the two apart only because of Noto Sans SC (DejaVu alone cannot)', async () => {
    const only = { font: dejavuOnly, family: "'DejaVu Sans'" };
    const [chen, wang] = await Promise.all([pixelsOf('陈杰', only), pixelsOf('王芳', only)]);
    expect(chen.equals(wang)).toBe(true);
  });

  it('keep a bold line bold when it mixes Latin and Chinese', async () => {
    const [bold, normal] = await Promise.all([
      pixelsOf('Tea 陈杰', { weight: 'bold' }),
      pixelsOf('Tea 陈杰', { weight: 'normal' }),
    ]);
    expect(ink(bold)).toBeGreaterThan(ink(normal) * 1.2);
  });

  it('render a whole poster with a Chinese title and promoter', async () => {
    const content: PosterContent = {
      ...posterTexts(SHARE_MESSAGES['zh-CN'], {
        type: 'product',
        card: {
          id: 'p',
          title: '云南玫瑰鲜花饼 10 枚装',
          description: null,
          image: null,
          price: 3900,
          path: '/',
        },
        sharerName: '林小美',
        currency: 'CNY',
      }),
      image: null,
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    };
    expect(posterSvg(content)).toContain('Noto Sans SC');
    const png = await renderPoster(content);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
