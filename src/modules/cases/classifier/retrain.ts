/**
 * One retraining, as a pure function (it runs in a worker thread: retrain.worker.ts). The candidate learns from the
 * shipped set plus four fifths of the staff corrections; it is checked, beside the model in use, on the hand-written
 * held-out set plus the corrections' remaining fifth (so the county's own wording counts in the check, but never an
 * example the candidate saw). It replaces the model in use only if it is not worse (metrics.ts).
 */
import type { LabelledExample } from './data.js';
import { heldOutMetrics, type ModelMetrics, notWorse } from './metrics.js';
import { compile, type ModelJson } from './model.js';
import { splitExamples, trainClassifier } from './train.js';

export interface RetrainInput {
  shipped: readonly LabelledExample[];
  corrections: readonly LabelledExample[];
  heldOut: readonly LabelledExample[];
  /** The model in use (the stored active one, or the one trained on the shipped set). */
  current: ModelJson;
}

export interface RetrainResult {
  model: ModelJson;
  metrics: ModelMetrics;
  baselineMetrics: ModelMetrics;
  accepted: boolean;
  trainSize: number;
  checkSize: number;
}

/** Its own seed, so which corrections are held back does not move with the shipped set's split. */
const CORRECTIONS_SPLIT = { seed: 11, heldOutFraction: 0.2 };

export function retrain(input: RetrainInput, progress: (fraction: number) => void = () => {}): RetrainResult {
  const corrections = splitExamples(input.corrections, CORRECTIONS_SPLIT);
  const train = [...input.shipped, ...corrections.train];
  const check = [...input.heldOut, ...corrections.heldOut];
  // Training is most of the time; checking two models on a few hundred texts the last tenth.
  const model = trainClassifier(train, {}, (f) => progress(0.9 * f));
  const metrics = heldOutMetrics(compile(model), check);
  progress(0.95);
  const baselineMetrics = heldOutMetrics(compile(input.current), check);
  progress(1);
  return {
    model,
    metrics,
    baselineMetrics,
    accepted: notWorse(metrics, baselineMetrics),
    trainSize: train.length,
    checkSize: check.length,
  };
}
