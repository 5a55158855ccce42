import { parentPort, workerData } from 'node:worker_threads';
import { packModel, unpackModel } from './model-store.js';
import type { RetrainReply, RetrainRequest } from './retrain.runner.js';
import { retrain } from './retrain.js';

/**
 * The retraining thread: one job per thread (retraining is rare and takes seconds), so the server's event loop keeps
 * answering while jieba tokenises and the SGD epochs run. Progress is posted at most every 1 %.
 */
function run(req: RetrainRequest): RetrainReply {
  const t0 = performance.now();
  let last = -1;
  const result = retrain(
    {
      shipped: req.shipped,
      corrections: req.corrections,
      heldOut: req.heldOut,
      current: unpackModel(req.current),
    },
    (f) => {
      const pct = Math.floor(f * 100);
      if (pct > last) {
        last = pct;
        parentPort?.postMessage({ type: 'progress', percent: pct } satisfies RetrainReply);
      }
    },
  );
  const { model, ...rest } = result;
  return { type: 'done', ...rest, model: packModel(model), ms: Math.round(performance.now() - t0) };
}

try {
  parentPort?.postMessage(run(workerData as RetrainRequest));
} catch (e) {
  parentPort?.postMessage({
    type: 'error',
    message: e instanceof Error ? e.message : String(e),
  } satisfies RetrainReply);
}
