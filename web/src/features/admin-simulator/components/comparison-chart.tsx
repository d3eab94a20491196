import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationResult } from '../types';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface Side {
  name: string;
  result: SimulationResult;
}

/** GMV and margin after payout, week by week, of both schemes in one SVG chart. */
export function ComparisonChart({ a, b, money }: { a: Side; b: Side; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const line = (side: Side, metric: 'gmv' | 'marginAfterPayout', dashed: boolean) => ({
      type: 'line',
      name: `${side.name} · ${t(`simulator.metric.${metric}`)}`,
      data: side.result.weeks.map((w) => Math.round(w[metric].mean)),
      lineStyle: { type: dashed ? 'dashed' : 'solid' },
      showSymbol: false,
    });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(v) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: a.result.weeks.map((w) => t('simulator.week', { week: w.week })) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      series: [
        line(a, 'gmv', false),
        line(b, 'gmv', false),
        line(a, 'marginAfterPayout', true),
        line(b, 'marginAfterPayout', true),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [a, b, money, t]);
  return <div className="simulator-chart" ref={box} data-testid="simulator-chart" />;
}
