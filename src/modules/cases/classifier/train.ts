/**
 * Training and evaluation: a deterministic stratified split, `trainClassifier` (tokenise → TF-IDF → model),
 * and held-out metrics. Nothing here reads files; callers pass examples in, so tests control the data.
 */
import type { LabelledExample } from './data.js';
import { topLevelOf } from './data.js';
import {
  compile,
  DEFAULT_SOFTMAX,
  fitVectorizer,
  type ModelJson,
  type Scorer,
  softmax,
  type SoftmaxOptions,
  trainNaiveBayes,
  trainSoftmax,
  vectorize,
  vocabIndex,
} from './model.js';
import { hash32 } from './random.js';
import { features } from './tokenize.js';

export interface SplitOptions {
  seed: number;
  heldOutFraction: number;
}

export const DEFAULT_SPLIT: SplitOptions = { seed: 2026, heldOutFraction: 0.2 };

export interface Split {
  train: LabelledExample[];
  heldOut: LabelledExample[];
}

/**
 * Per category, examples are ordered by a seeded hash of their text and the first `heldOutFraction` (rounded)
 * are held out. Hashing rather than shuffling means the file's line order does not matter, and adding an
 * example moves at most one other across the train/held-out boundary instead of reshuffling everything.
 */
export function splitExamples(examples: readonly LabelledExample[], opts: SplitOptions = DEFAULT_SPLIT): Split {
  const byCategory = new Map<string, LabelledExample[]>();
  for (const e of examples) {
    const group = byCategory.get(e.category);
    if (group) group.push(e);
    else byCategory.set(e.category, [e]);
  }
  const split: Split = { train: [], heldOut: [] };
  for (const category of [...byCategory.keys()].sort()) {
    const group = (byCategory.get(category) ?? [])
      .map((e) => ({ e, h: hash32(e.text, opts.seed) }))
      .sort((a, b) => a.h - b.h || (a.e.text < b.e.text ? -1 : 1));
    const held = Math.round(group.length * opts.heldOutFraction);
    group.forEach(({ e }, i) => (i < held ? split.heldOut : split.train).push(e));
  }
  return split;
}

export type ModelKind = ModelJson['kind'];

export interface TrainOptions {
  kind: ModelKind;
  softmax: SoftmaxOptions;
  /** Laplace smoothing for naive Bayes. */
  alpha: number;
  /** Written into the model; see DEFAULT_TEMPERATURE. */
  temperature: number;
}

/**
 * The softmax model trained with L2 is under-confident (mean confidence ~0.75 at ~93 % accuracy). Dividing
 * scores by this temperature, fitted by `fitTemperature` on the held-out split and rounded, brings mean
 * confidence near accuracy. A constant, not refitted at start-up, so that first use trains one model, not two;
 * the bench prints the freshly fitted value so drift after a data change shows.
 */
export const DEFAULT_TEMPERATURE = 0.5;

export const DEFAULT_TRAIN: TrainOptions = {
  kind: 'softmax',
  softmax: DEFAULT_SOFTMAX,
  alpha: 0.1,
  temperature: DEFAULT_TEMPERATURE,
};

/**
 * Tokenises the examples and fits the chosen model; classes are the sorted distinct categories. `progress` hears the
 * fraction done (tokenising is the first fifth, the epochs the rest), for the retraining page.
 */
export function trainClassifier(
  examples: readonly LabelledExample[],
  opts: Partial<TrainOptions> = {},
  progress?: (fraction: number) => void,
): ModelJson {
  const o = { ...DEFAULT_TRAIN, ...opts };
  if (examples.length === 0) throw new Error('trainClassifier: no examples');
  const docs = examples.map((e) => features(e.text));
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const ys = examples.map((e) => classIndex.get(e.category) ?? -1);
  const vectorizer = fitVectorizer(docs);
  const index = vocabIndex(vectorizer);
  const xs = docs.map((d) => vectorize(vectorizer, index, d));
  progress?.(0.2);
  const model =
    o.kind === 'softmax'
      ? trainSoftmax(vectorizer, xs, ys, classes, o.softmax, (done, of) => progress?.(0.2 + (0.8 * done) / of))
      : trainNaiveBayes(vectorizer, xs, ys, classes, o.alpha);
  return { ...model, temperature: o.temperature };
}

/** The temperature minimising held-out negative log-likelihood, by a grid over 0.05…3 (coarse is enough). */
export function fitTemperature(scorer: Scorer, examples: readonly LabelledExample[]): number {
  const classIndex = new Map(scorer.classes.map((c, i) => [c, i]));
  const logits = examples
    .map((e) => ({ s: scorer.scores(features(e.text)), y: classIndex.get(e.category) ?? -1 }))
    .filter((l) => l.y >= 0);
  let best = 1,
    bestLoss = Infinity;
  for (let t = 0.05; t <= 3; t += 0.05) {
    const loss = logits.reduce((sum, { s, y }) => sum - Math.log(softmax(s.map((v) => v / t))[y] + 1e-12), 0);
    if (loss < bestLoss) [best, bestLoss] = [Math.round(t * 100) / 100, loss];
  }
  return best;
}

/** Indices of the k highest probabilities, best first; ties go to the earlier class so results are stable. */
export function topK(p: Float64Array, k: number): number[] {
  // k passes of selection rather than a sort of every class: k is 1–4 here, and this runs on every intake.
  const picked: number[] = [];
  for (let round = 0; round < Math.min(k, p.length); round++) {
    let best = -1;
    for (let i = 0; i < p.length; i++) {
      if (picked.includes(i)) continue;
      if (best < 0 || p[i] > p[best]) best = i;
    }
    picked.push(best);
  }
  return picked;
}

export interface Evaluation {
  size: number;
  top1: number;
  top3: number;
  /**
   * Per top-level category (by the true label): sample size, exact sub-category top-1, and how often the top
   * suggestion at least lies in the right top-level category (what decides which department family sees it).
   */
  perTopLevel: Record<string, { size: number; top1: number; parentTop1: number }>;
  /** Mean confidence of the top suggestion: close to top1 when confidences are calibrated. */
  meanConfidence: number;
  /** Expected calibration error over 10 confidence bins: mean |accuracy − confidence|, weighted by bin size. */
  ece: number;
  /** Misclassified examples, for reading what the model confuses. */
  errors: { text: string; expected: string; predicted: string; confidence: number }[];
}

/** 10 equal-width confidence bins; each contributes |accuracy − mean confidence| × its share of examples. */
export function expectedCalibrationError(outcomes: readonly { confidence: number; correct: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, hits: 0 }));
  for (const o of outcomes) {
    const bin = bins[Math.min(9, Math.floor(o.confidence * 10))];
    bin.n++;
    bin.conf += o.confidence;
    if (o.correct) bin.hits++;
  }
  return bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : Math.abs(b.hits - b.conf) / Math.max(outcomes.length, 1)), 0);
}

export function evaluate(scorer: Scorer, examples: readonly LabelledExample[]): Evaluation {
  let hit3 = 0;
  const per: Record<string, { size: number; hits: number; parentHits: number }> = {};
  const outcomes: { confidence: number; correct: boolean }[] = [];
  const errors: Evaluation['errors'] = [];
  for (const e of examples) {
    const p = scorer.probabilities(features(e.text));
    const best = topK(p, 3).map((i) => scorer.classes[i]);
    const confidence = Math.max(...p);
    const correct = best[0] === e.category;
    const top = (per[topLevelOf(e.category)] ??= { size: 0, hits: 0, parentHits: 0 });
    top.size++;
    if (correct) top.hits++;
    if (topLevelOf(best[0]) === topLevelOf(e.category)) top.parentHits++;
    else errors.push({ text: e.text, expected: e.category, predicted: best[0], confidence });
    if (best.includes(e.category)) hit3++;
    outcomes.push({ confidence, correct });
  }
  const n = Math.max(examples.length, 1);
  return {
    size: examples.length,
    top1: outcomes.filter((o) => o.correct).length / n,
    top3: hit3 / n,
    perTopLevel: Object.fromEntries(
      Object.entries(per).map(([k, v]) => [
        k,
        { size: v.size, top1: v.hits / v.size, parentTop1: v.parentHits / v.size },
      ]),
    ),
    meanConfidence: outcomes.reduce((sum, o) => sum + o.confidence, 0) / n,
    ece: expectedCalibrationError(outcomes),
    errors,
  };
}

/** Trains on the train split and scores the held-out split: the figure the tests and the bench report. */
export function heldOutEvaluation(
  examples: readonly LabelledExample[],
  opts: Partial<TrainOptions> = {},
  split: SplitOptions = DEFAULT_SPLIT,
): { split: Split; evaluation: Evaluation; model: ModelJson } {
  const s = splitExamples(examples, split);
  const model = trainClassifier(s.train, opts);
  return { split: s, evaluation: evaluate(compile(model), s.heldOut), model };
}
