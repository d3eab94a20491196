import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { layers } from './layout';

echarts.use([GraphChart, TooltipComponent, SVGRenderer]);

interface Props {
  nodes: readonly { id: string; name: string; level: number }[];
  links: readonly { source: string; target: string; kind: 'invited' | 'bound' | 'member' }[];
  shape: string;
  /** Fixed size for environments without layout (tests); the chart fills its box otherwise. */
  size?: { width: number; height: number };
}

const LINE = { invited: 'solid', bound: 'dashed', member: 'dotted' } as const;
const COLOURS = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e67700', '#0c8599'];

/**
 * A team or community drawn as an ECharts graph in layers from its root (SVG, so it stays sharp
 * on a phone and can be read by tests). Links between people of one layer show as arcs.
 */
export function StructureChart({ nodes, links, shape, size }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg', ...(size ?? {}) });
    const placed = new Map(layers(nodes, links, { width: 1000, rowHeight: 160 }).map((p) => [p.id, p]));
    chart.setOption({
      animation: false,
      tooltip: { formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          symbolSize: (_: unknown, p: { data: { level: number } }) => (p.data.level === 0 ? 22 : 12),
          label: { show: nodes.length <= 40, position: 'bottom', fontSize: 10 },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 6,
          data: nodes.map((n) => ({
            id: n.id,
            name: n.name || n.id,
            level: n.level,
            x: placed.get(n.id)?.x ?? 0,
            y: placed.get(n.id)?.y ?? 0,
            tip: `${n.name || n.id}`,
            itemStyle: { color: COLOURS[n.level % COLOURS.length] },
          })),
          links: links.map((l) => ({
            source: l.source,
            target: l.target,
            tip: t(`structure.link.${l.kind}`),
            lineStyle: { type: LINE[l.kind], curveness: 0.15, opacity: 0.7 },
          })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [nodes, links, size, t]);

  return (
    <div
      ref={box}
      className="structure-chart"
      data-testid="structure-chart"
      data-shape={shape}
      data-nodes={nodes.length}
      role="img"
      aria-label={t('structure.chartLabel', {
        shape: t(`structure.shape.${shape}` as 'structure.shape.tower'),
        size: nodes.length,
      })}
      style={size ? { width: size.width, height: size.height } : { width: '100%', height: 360 }}
    />
  );
}
