import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  name: string;
  kind: 'line' | 'bar';
  data: readonly number[];
  /** Bars of one stack are drawn on top of each other (channels of a day). */
  stack?: string;
  /** Drawn against the right-hand axis (counts next to money). */
  right?: boolean;
}

interface Props {
  label: string;
  categories: readonly string[];
  series: readonly Series[];
  /** How an axis value reads (money in the shop's currency, counts as they are). */
  format?: (value: number) => string;
  formatRight?: (value: number) => string;
  /** Categories are days (shown as MM-DD) unless told they are plain labels (weeks after, names). */
  plain?: boolean;
  testId: string;
}

/**
 * A day-by-day chart drawn with ECharts in SVG (sharp on a phone, readable by tests). The chart
 * follows its box: it is resized with the window, so a phone turned sideways redraws it.
 */
export function SeriesChart({ label, categories, series, format, formatRight, plain, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const hasRight = series.some((s) => s.right);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: plain ? categories : categories.map((d) => d.slice(5)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: format } },
        ...(hasRight
          ? [{ type: 'value', axisLabel: { formatter: formatRight }, splitLine: { show: false } }]
          : []),
      ],
      series: series.map((s) => ({
        name: s.name,
        type: s.kind,
        data: s.data,
        stack: s.stack,
        yAxisIndex: s.right ? 1 : 0,
        showSymbol: false,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, format, formatRight, plain]);
  return <div ref={box} className="analytics-chart" role="img" aria-label={label} data-testid={testId} />;
}
