/**
 * /metrics with WORKERS=N (src/cluster.ts): each worker has its own registries, and a scrape reaches one worker at a
 * time (node:cluster hands connections round), so a worker asked for /metrics asks the primary, which gathers every
 * worker's metrics with prom-client's AggregatorRegistry (counters and histograms summed, the job_runs figures by max,
 * event-loop lag averaged) and sends the text back. The primary serves no HTTP and opens no database.
 */
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'lianjian-metrics-request';
const ANSWER = 'lianjian-metrics-answer';
/** prom-client's own limit for the workers' answers is 5 s. */
const WAIT_MS = 6_000;

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

let nextId = 0;
const waiting = new Map<number, (a: Answer) => void>();
let workerSetUp = false;

/** In a worker: these registries are what the primary aggregates; answers from the primary are routed here. */
export function shareWithPrimary(registries: Registry[]): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries(registries);
  if (workerSetUp) return;
  workerSetUp = true;
  // Constructing one makes prom-client answer the primary's requests for this worker's metrics.
  new AggregatorRegistry();
  process.on('message', (msg: Answer) => {
    if (msg?.type === ANSWER) waiting.get(msg.id)?.(msg);
  });
}

/** In a worker: every worker's metrics, aggregated by the primary. */
export function clusterMetricsText(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish({ type: ANSWER, id, error: 'the primary did not answer' }), WAIT_MS);
    const finish = (a: Answer) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (a.error !== undefined || a.text === undefined) reject(new Error(a.error ?? 'no metrics'));
      else resolve(a.text);
    };
    waiting.set(id, finish);
    process.send?.({ type: REQUEST, id });
  });
}

/** In the primary: answers the workers' requests for the cluster's metrics. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, msg: { type?: string; id?: number }) => {
    if (msg?.type !== REQUEST || typeof msg.id !== 'number') return;
    const id = msg.id;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id, text } satisfies Answer),
      (err: unknown) => worker.isConnected() && worker.send({ type: ANSWER, id, error: String(err) } satisfies Answer),
    );
  });
}
