/**
 * The process's own metrics (prom-client's default set: CPU, resident memory, heap by space, event-loop lag
 * percentiles, GC pauses by kind, open handles), registered once per process: each collectDefaultMetrics call starts an
 * event-loop monitor and a GC observer that are never stopped, and tests build hundreds of apps in one process.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | null = null;

export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
