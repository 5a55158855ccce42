import { type RefObject, useEffect, useRef } from 'react';
import { echarts } from './echarts';

/**
 * An ECharts instance on a div: created when the div mounts, resized with it (ResizeObserver), disposed on unmount.
 * `setUp` runs once on the new instance (event handlers); it should read changing props through a ref, since it is
 * not run again. Callers set the option in their own effect, declared after this hook so it runs after creation.
 */
export function useEChart(setUp?: (chart: echarts.ECharts) => void): {
  ref: RefObject<HTMLDivElement | null>;
  chart: RefObject<echarts.ECharts | null>;
} {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const firstSetUp = useRef(setUp);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    firstSetUp.current?.(instance);
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  return { ref, chart };
}
