import { useEffect } from 'react';
import type { EChartsOption } from './echarts';
import { useEChart } from './useEChart';

/** The ECharts instance behind `EChart`: fills its parent, follows its size, disposed on unmount. */
export default function EChartCanvas({ option }: { option: EChartsOption }) {
  const { ref, chart } = useEChart();

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return <div ref={ref} className="chart-canvas" />;
}
