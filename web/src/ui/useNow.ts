import { nowMs } from './clock';
import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (default a minute): countdowns re-render without refetching. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => nowMs());
  useEffect(() => {
    const timer = setInterval(() => setNow(nowMs()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
