import { FunnelChart as EchartsFunnel } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EchartsFunnel, TooltipComponent, SVGRenderer]);

interface Props {
  label: string;
  steps: readonly { name: string; count: number }[];
  testId: string;
}

/** The fission funnel, widest step first; each step keeps its place even when it is empty. */
export function FunnelChart({ label, steps, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const widest = Math.max(1, ...steps.map((s) => s.count));
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max: widest,
          minSize: '8%',
          left: '5%',
          width: '90%',
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: steps.map((s) => ({ name: s.name, value: s.count })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [steps]);
  return <div ref={box} className="analytics-chart" role="img" aria-label={label} data-testid={testId} />;
}
