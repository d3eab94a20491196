/**
 * Draws one SVG picture per demo product into `web/public/demo/<slug>.svg`: a gradient in the
 * category's colours, the category's icon and the product's name. The output is committed, so run
 * this only after changing `src/demo/catalog.ts`:  npx tsx scripts/generate-demo-images.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DemoCategory, type DemoProduct, demoCatalog } from '../src/demo/catalog.js';
import { projectPath } from '../src/platform/paths.js';

const SIZE = 800;
const FONT = "'Helvetica Neue', Arial, 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

interface Art {
  light: string;
  dark: string;
  /** Shapes in a 240 × 240 box, drawn in white; `INK` marks details in the category's dark colour. */
  icon: string;
}

const INK = '{ink}';

const art: Record<DemoCategory, Art> = {
  tea: {
    light: '#9ad68a',
    dark: '#1d6b4f',
    icon: `
      <ellipse cx="120" cy="204" rx="104" ry="16"/>
      <path d="M40 92 H180 V122 A70 70 0 0 1 40 122 Z"/>
      <circle cx="176" cy="132" r="26" fill="none" stroke="#fff" stroke-width="14"/>
      <g fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" opacity="0.8">
        <path d="M80 72 c-14 -14 14 -24 0 -44"/><path d="M112 72 c-14 -14 14 -24 0 -44"/>
        <path d="M144 72 c-14 -14 14 -24 0 -44"/>
      </g>`,
  },
  snacks: {
    light: '#ffc46b',
    dark: '#d9482b',
    icon: `
      <mask id="bite"><rect width="240" height="240" fill="#fff"/><circle cx="205" cy="55" r="42" fill="#000"/>
        <circle cx="178" cy="28" r="26" fill="#000"/></mask>
      <circle cx="120" cy="125" r="100" mask="url(#bite)"/>
      <g fill="${INK}" opacity="0.55">
        <circle cx="80" cy="95" r="12"/><circle cx="130" cy="150" r="14"/><circle cx="75" cy="165" r="10"/>
        <circle cx="160" cy="110" r="9"/><circle cx="115" cy="80" r="8"/><circle cx="170" cy="175" r="10"/>
      </g>`,
  },
  kitchen: {
    light: '#9cc3e6',
    dark: '#2f4560',
    icon: `
      <path d="M36 92 H204 V176 a34 34 0 0 1 -34 34 H70 a34 34 0 0 1 -34 -34 Z"/>
      <path d="M26 84 a94 34 0 0 1 188 0 Z"/>
      <circle cx="120" cy="44" r="12"/>
      <rect x="6" y="112" width="38" height="16" rx="8"/><rect x="196" y="112" width="38" height="16" rx="8"/>
      <rect x="36" y="122" width="168" height="10" fill="${INK}" opacity="0.25"/>`,
  },
  home: {
    light: '#f4d7ae',
    dark: '#9c6b45',
    icon: `
      <ellipse cx="120" cy="78" rx="24" ry="66"/>
      <ellipse cx="76" cy="104" rx="20" ry="54" transform="rotate(-38 76 104)"/>
      <ellipse cx="164" cy="104" rx="20" ry="54" transform="rotate(38 164 104)"/>
      <g fill="none" stroke="${INK}" stroke-width="4" opacity="0.35" stroke-linecap="round">
        <path d="M120 30 V138"/><path d="M50 72 L106 140"/><path d="M190 72 L134 140"/>
      </g>
      <rect x="58" y="140" width="124" height="22" rx="6"/>
      <path d="M68 166 H172 L158 232 H82 Z"/>`,
  },
  beauty: {
    light: '#f8b4d9',
    dark: '#a8477c',
    icon: `
      <rect x="104" y="14" width="32" height="62" rx="16"/>
      <rect x="96" y="72" width="48" height="30" rx="5"/>
      <rect x="64" y="98" width="112" height="130" rx="26"/>
      <rect x="82" y="136" width="76" height="56" rx="8" fill="${INK}" opacity="0.25"/>
      <path d="M206 40 l7 18 18 7 -18 7 -7 18 -7 -18 -18 -7 18 -7 Z" opacity="0.85"/>
      <path d="M30 150 l5 12 12 5 -12 5 -5 12 -5 -12 -12 -5 12 -5 Z" opacity="0.7"/>`,
  },
  digital: {
    light: '#8f8cff',
    dark: '#241a66',
    icon: `
      <path d="M40 150 V128 a80 80 0 0 1 160 0 V150" fill="none" stroke="#fff" stroke-width="18" stroke-linecap="round"/>
      <rect x="22" y="132" width="50" height="88" rx="20"/><rect x="168" y="132" width="50" height="88" rx="20"/>
      <rect x="38" y="150" width="18" height="52" rx="9" fill="${INK}" opacity="0.3"/>
      <rect x="184" y="150" width="18" height="52" rx="9" fill="${INK}" opacity="0.3"/>`,
  },
};

/** FNV-1a: a stable number per product, so each picture varies a little but never between runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Greedy word wrap; a long name keeps its first three lines and ends in an ellipsis. */
function wrap(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
}

function decorations(seed: number): string {
  const bubble = (i: number) => {
    const x = (seed >>> (i * 5)) % SIZE;
    const y = (seed >>> (i * 7 + 3)) % (SIZE / 2);
    const r = 90 + ((seed >>> (i * 3)) % 140);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff" opacity="${(0.06 + i * 0.03).toFixed(2)}"/>`;
  };
  return [0, 1, 2].map(bubble).join('');
}

function productSvg(product: DemoProduct): string {
  const { light, dark, icon } = art[product.category];
  const seed = hash(product.slug);
  const angle = seed % 90;
  const lines = wrap(product.title, 24);
  const firstLine = 640 - (lines.length - 1) * 27;
  const title = lines
    .map((line, i) => `<tspan x="400" y="${firstLine + i * 54}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-label="${escapeXml(product.title)}">
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/>
    </linearGradient>
    <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%">
      <feDropShadow dx="0" dy="10" stdDeviation="12" flood-color="${dark}" flood-opacity="0.45"/>
    </filter>
  </defs>
  <rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>
  ${decorations(seed)}
  <text x="56" y="84" fill="#fff" opacity="0.85" font-family="${FONT}" font-size="26" font-weight="700" letter-spacing="6">${product.category.toUpperCase()}</text>
  <g transform="translate(232 130) scale(1.4)" fill="#fff" filter="url(#shadow)">${icon.replaceAll(INK, dark)}
  </g>
  <text text-anchor="middle" fill="#fff" font-family="${FONT}" font-size="46" font-weight="700" filter="url(#shadow)">${title}</text>
</svg>
`;
}

function main() {
  const dir = projectPath('web', 'public', 'demo');
  // Start clean so a product removed from the catalog does not leave its picture behind.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const product of demoCatalog) writeFileSync(join(dir, `${product.slug}.svg`), productSvg(product));
  console.log(`wrote ${demoCatalog.length} pictures to ${dir}`);
}

main();
