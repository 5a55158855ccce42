import { useEffect, useState } from 'react';

/** Whole seconds since `active` turned true (0 while inactive): the optimiser's running time. */
export function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) {
      setSeconds(0);
      return;
    }
    // Elapsed time, not business time: the monotonic clock.
    const started = performance.now();
    const id = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 250);
    return () => clearInterval(id);
  }, [active]);
  return seconds;
}
