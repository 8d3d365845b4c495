import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface TimeSeriesChartProps {
  label: string;
  /** Unix seconds. */
  xs: readonly number[];
  ys: readonly number[];
  /** How a value reads on the axis and in the legend. */
  format: (value: number) => string;
  /** A CSS custom property of the theme, e.g. '--accent'. */
  colorVar: string;
  /** Counts change in steps and have whole-number ticks; rates are drawn as an area. */
  stepped?: boolean;
  height?: number;
  testId?: string;
}

function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#3b8bfd';
}

/** One time series drawn with uPlot on a canvas: cheap enough to stay on screen all
 *  shift, sized to its container, coloured from the console's theme. */
export function TimeSeriesChart({ label, xs, ys, format, colorVar, stepped = false, height = 180, testId }: TimeSeriesChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const formatRef = useRef(format);
  formatRef.current = format;

  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const color = themeColor(colorVar);
    const axis = themeColor('--text-muted');
    const grid = themeColor('--border');
    const plot = new uPlot(
      {
        width: Math.max(200, box.clientWidth),
        height,
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] } },
        axes: [
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            size: 72,
            values: (_u, values) => values.map((v) => formatRef.current(v)),
            ...(stepped ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] } : {}),
          },
        ],
        series: [
          {},
          {
            label,
            stroke: color,
            width: 2,
            fill: stepped ? undefined : `${color}33`,
            value: (_u, v) => (v === null ? '—' : formatRef.current(v)),
            ...(stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
          },
        ],
      },
      [[], []],
      box,
    );
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, box.clientWidth), height }));
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [label, colorVar, stepped, height]);

  useEffect(() => {
    plotRef.current?.setData([[...xs], [...ys]]);
  }, [xs, ys, label, colorVar, stepped, height]);

  return <div className="time-chart" ref={boxRef} data-testid={testId} role="img" aria-label={label} />;
}
