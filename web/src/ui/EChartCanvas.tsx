import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts';

/** The ECharts instance behind `EChart`: fills its parent, follows its size (ResizeObserver), disposed on unmount. */
export default function EChartCanvas({ option }: { option: EChartsOption }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart-canvas" />;
}
