import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-cn';
import { layers } from './layout';
import { StructureChart } from './structure-chart';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const nodes = [
  { id: 'r', name: 'Root', level: 0 },
  { id: 'a', name: 'Ann', level: 1 },
  { id: 'b', name: 'Bo', level: 1 },
  { id: 'c', name: 'Cy', level: 2 },
];
const links = [
  { source: 'r', target: 'a', kind: 'invited' as const },
  { source: 'r', target: 'b', kind: 'invited' as const },
  { source: 'b', target: 'c', kind: 'bound' as const },
];

async function render(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <I18nextProvider i18n={i18n}>
        <StructureChart nodes={nodes} links={links} shape="umbrella" size={{ width: 360, height: 300 }} />
      </I18nextProvider>,
    );
  });
  return { host, unmount: () => act(() => root.unmount()) };
}

describe('StructureChart', () => {
  it('draws every person and link as SVG through ECharts', async () => {
    const { host, unmount } = await render('en');
    const chart = host.querySelector('[data-testid="structure-chart"]');
    expect(chart?.getAttribute('data-shape')).toBe('umbrella');
    expect(chart?.getAttribute('aria-label')).toBe('Umbrella structure of 4 people');
    const svg = chart?.querySelector('svg');
    expect(svg).not.toBeNull();
    // Labels of the people are drawn as SVG text.
    const text = [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    expect(text).toEqual(expect.arrayContaining(['Root', 'Ann', 'Bo', 'Cy']));
    expect(svg?.querySelectorAll('path').length).toBeGreaterThanOrEqual(nodes.length + links.length);
    unmount();
    expect(host.querySelector('svg')).toBeNull();
  });

  it('names the shape in Chinese', async () => {
    const { host, unmount } = await render('zh-CN');
    expect(host.querySelector('[data-testid="structure-chart"]')?.getAttribute('aria-label')).toBe(
      '4 人的伞型结构',
    );
    unmount();
  });
});

describe('layers', () => {
  it('puts the root on top and each level one row lower, spread evenly', () => {
    const placed = new Map(layers(nodes, links, { width: 300, rowHeight: 100 }).map((p) => [p.id, p]));
    expect(placed.get('r')).toMatchObject({ x: 150, y: 0 });
    expect([placed.get('a')?.y, placed.get('b')?.y, placed.get('c')?.y]).toEqual([100, 100, 200]);
    expect(new Set([placed.get('a')?.x, placed.get('b')?.x])).toEqual(new Set([100, 200]));
  });
});
