import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts';

interface Props {
  option: EChartsOption;
  className?: string;
  testId?: string;
}

/** A chart that fills its box and follows its size (ResizeObserver), disposed with the component. */
export function EChart({ option, className = 'chart-box', testId }: Props) {
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

  return <div ref={ref} className={className} data-testid={testId} />;
}
