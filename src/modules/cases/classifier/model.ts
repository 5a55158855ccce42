/**
 * Two text models over the same TF-IDF features, both plain JSON when trained:
 * - softmax (multinomial logistic) regression, trained by seeded SGD: the default, chosen on held-out accuracy
 *   and because its probabilities are usable as a confidence;
 * - multinomial naive Bayes over TF-IDF weights: kept as the baseline the bench compares against.
 * A model is data (`ModelJson`); `compile` turns it into a `Scorer` with the lookup tables built once.
 */
import { seededRandom } from './random.js';

export interface Vectorizer {
  vocab: string[];
  /** Smoothed inverse document frequency per vocab entry. */
  idf: number[];
}

interface Calibrated {
  /** Scores are divided by this before the softmax; below 1 sharpens, fitted on held-out data (train.ts). */
  temperature: number;
}

export interface SoftmaxModelJson extends Vectorizer, Calibrated {
  kind: 'softmax';
  classes: string[];
  /** weights[c][j]: class c, vocab entry j. */
  weights: number[][];
  bias: number[];
}

export interface NaiveBayesModelJson extends Vectorizer, Calibrated {
  kind: 'naive-bayes';
  classes: string[];
  logPrior: number[];
  /** logLikelihood[c][j]: log P(feature j | class c), Laplace-smoothed. */
  logLikelihood: number[][];
}

export type ModelJson = SoftmaxModelJson | NaiveBayesModelJson;

/** Typed arrays: the SGD inner loop reads these ~10⁵ times per epoch, and they measured ~30 % faster. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export function fitVectorizer(docs: string[][]): Vectorizer {
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
  // Sorted so that the same documents always give the same vocabulary order, whatever the Map's history.
  const vocab = [...df.keys()].sort();
  const n = docs.length;
  return { vocab, idf: vocab.map((f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1) };
}

export function vocabIndex(v: Vectorizer): Map<string, number> {
  return new Map(v.vocab.map((f, i) => [f, i]));
}

/** Sublinear tf (1 + ln tf) × idf, L2-normalised; features outside the vocabulary are ignored. */
export function vectorize(v: Vectorizer, index: Map<string, number>, doc: string[]): SparseVector {
  // Sorting the known features' indices puts repeats side by side, so tf is a run length: no Map per message
  // (this runs on every intake).
  const seen = new Int32Array(doc.length);
  let n = 0;
  for (const f of doc) {
    const j = index.get(f);
    if (j !== undefined) seen[n++] = j;
  }
  const sorted = seen.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const indices = new Int32Array(distinct);
  const values = new Float64Array(distinct);
  let norm = 0;
  for (let k = 0, out = 0; k < n; out++) {
    const j = sorted[k];
    let tf = 0;
    while (k < n && sorted[k] === j) {
      tf++;
      k++;
    }
    indices[out] = j;
    values[out] = (1 + Math.log(tf)) * v.idf[j];
    norm += values[out] * values[out];
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < distinct; k++) values[k] /= norm;
  return { indices, values };
}

/** Numerically stable softmax (subtracts the maximum first), in place. */
function softmaxInPlace(s: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < s.length; c++) if (s[c] > max) max = s[c];
  let sum = 0;
  for (let c = 0; c < s.length; c++) sum += s[c] = Math.exp(s[c] - max);
  for (let c = 0; c < s.length; c++) s[c] /= sum;
  return s;
}

export function softmax(scores: Float64Array): Float64Array {
  return softmaxInPlace(Float64Array.from(scores));
}

export interface SoftmaxOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied as weight decay once per epoch; keeps probabilities from saturating at 1. */
  l2: number;
}

/**
 * Chosen on the held-out split (bench/classifier.ts): 4–30 epochs and rates 0.5–4 all land within about one
 * point of top-1, so the fewest epochs that hold it keep first-use training well under a second.
 */
export const DEFAULT_SOFTMAX: SoftmaxOptions = { seed: 7, epochs: 6, learningRate: 2, l2: 1e-2 };

/**
 * Weights are stored feature-major (w[j * C + c]) while training: a message touches ~50 features, and this
 * keeps each feature's class weights adjacent in memory. `g` is a scratch buffer reused across steps.
 */
function sgdStep(w: Float64Array, b: Float64Array, g: Float64Array, x: SparseVector, y: number, lr: number): void {
  const C = b.length;
  g.set(b);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k] * C,
      v = x.values[k];
    for (let c = 0; c < C; c++) g[c] += w[row + c] * v;
  }
  softmaxInPlace(g)[y] -= 1; // now the gradient of the log-loss with respect to the scores
  for (let c = 0; c < C; c++) b[c] -= lr * g[c];
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k] * C,
      step = lr * x.values[k];
    for (let c = 0; c < C; c++) w[row + c] -= step * g[c];
  }
}

export function trainSoftmax(
  v: Vectorizer,
  xs: SparseVector[],
  ys: number[],
  classes: string[],
  opts: SoftmaxOptions = DEFAULT_SOFTMAX,
  onEpoch?: (done: number, of: number) => void,
): SoftmaxModelJson {
  const V = v.vocab.length,
    C = classes.length;
  const w = new Float64Array(V * C);
  const b = new Float64Array(C);
  const g = new Float64Array(C);
  const rng = seededRandom(opts.seed);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const lr = opts.learningRate / (1 + 0.1 * epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) sgdStep(w, b, g, xs[i], ys[i], lr);
    const decay = 1 - lr * opts.l2;
    for (let k = 0; k < w.length; k++) w[k] *= decay;
    onEpoch?.(epoch + 1, opts.epochs);
  }
  const weights = classes.map((_, c) => Array.from({ length: V }, (_, j) => w[j * C + c]));
  return { kind: 'softmax', vocab: v.vocab, idf: v.idf, classes, weights, bias: Array.from(b), temperature: 1 };
}

export function trainNaiveBayes(
  v: Vectorizer,
  xs: SparseVector[],
  ys: number[],
  classes: string[],
  alpha = 0.1,
): NaiveBayesModelJson {
  const V = v.vocab.length;
  const counts = classes.map(() => new Float64Array(V));
  const docs = new Float64Array(classes.length);
  xs.forEach((x, i) => {
    docs[ys[i]]++;
    for (let k = 0; k < x.indices.length; k++) counts[ys[i]][x.indices[k]] += x.values[k];
  });
  const logLikelihood = counts.map((row) => {
    const total = row.reduce((s, x) => s + x, 0) + alpha * V;
    return Array.from(row, (x) => Math.log((x + alpha) / total));
  });
  const logPrior = Array.from(docs, (d) => Math.log((d + 1) / (xs.length + classes.length)));
  return { kind: 'naive-bayes', vocab: v.vocab, idf: v.idf, classes, logPrior, logLikelihood, temperature: 1 };
}

export interface Scorer {
  readonly classes: readonly string[];
  /** Raw class scores (logits) for a tokenised message, in `classes` order. */
  scores(doc: string[]): Float64Array;
  /** Class probabilities (summing to 1): softmax of scores ÷ the model's temperature. */
  probabilities(doc: string[]): Float64Array;
}

export function compile(model: ModelJson): Scorer {
  // Only what scoring needs is captured, so the JSON model's nested weight arrays can be garbage-collected.
  const vectorizer: Vectorizer = { vocab: model.vocab, idf: model.idf };
  const { temperature } = model;
  const index = vocabIndex(vectorizer);
  const bias = Float64Array.from(model.kind === 'softmax' ? model.bias : model.logPrior);
  // Feature-major (one feature's weights for every class side by side): a document touches ~100 features, and
  // reading each one's class weights from one place instead of one row per class avoids a cache miss per product.
  const rows = model.kind === 'softmax' ? model.weights : model.logLikelihood;
  const classCount = rows.length;
  const byFeature = new Float64Array(classCount * vectorizer.vocab.length);
  rows.forEach((row, c) => {
    for (let j = 0; j < row.length; j++) byFeature[j * classCount + c] = row[j];
  });
  const scores = (doc: string[]): Float64Array => {
    const x = vectorize(vectorizer, index, doc);
    const s = Float64Array.from(bias);
    for (let k = 0; k < x.indices.length; k++) {
      const base = x.indices[k] * classCount;
      const v = x.values[k];
      for (let c = 0; c < classCount; c++) s[c] += byFeature[base + c] * v;
    }
    return s;
  };
  return {
    classes: model.classes,
    scores,
    probabilities: (doc) => softmax(scores(doc).map((v) => v / temperature)),
  };
}
