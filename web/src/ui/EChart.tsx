import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import type { EChartsOption } from './echarts';
import { Loading } from './states';

// ECharts is the largest library here (~150 KB compressed even trimmed to the charts drawn): a chunk of its own.
const EChartCanvas = lazy(() => import('./EChartCanvas'));

interface Props {
  option: EChartsOption;
  className?: string;
  testId?: string;
}

/** True once the element has come within `margin` of the viewport (and from then on). */
function useNearViewport(ref: RefObject<HTMLElement | null>, margin = '200px'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near, ref, margin]);
  return near;
}

/**
 * A chart that fills its box. ECharts is fetched when the box first comes near the screen, so a page whose charts
 * sit below the fold (the home page) shows its figures without waiting for it; a spinner holds the place meanwhile.
 */
export function EChart({ option, className = 'chart-box', testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const waiting = <Loading minHeight="100%" />;
  return (
    <div ref={ref} className={className} data-testid={testId}>
      {near ? (
        <Suspense fallback={waiting}>
          <EChartCanvas option={option} />
        </Suspense>
      ) : (
        waiting
      )}
    </div>
  );
}
