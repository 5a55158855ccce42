/**
 * Suggests a category for a resident's report (居民说事 / 随手拍 / 吹哨). The suggestion is advice for the
 * person triaging (分类理事), never a decision: callers show it pre-selected and let staff change it.
 *
 * The default classifier trains on datasets/cases/labelled.jsonl at first use (~0.5 s including jieba's
 * dictionary) and keeps the model in memory; no model file is committed, so the data set is the single
 * source of truth and there is nothing to keep in sync. A model retrained from staff corrections (learning.ts)
 * replaces it through `useModel` once it has proved not worse on the held-out set.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../core/paths.js';
import {
  CATEGORIES_FILE,
  type CategoryTree,
  HELDOUT_FILE,
  LABELLED_FILE,
  type LabelledExample,
  loadCategoryTree,
  loadExamples,
  subCategoryCodes,
} from './data.js';
import { heldOutMetrics, type ModelMetrics } from './metrics.js';
import { compile, type ModelJson, type Scorer } from './model.js';
import { features } from './tokenize.js';
import { topK, trainClassifier } from './train.js';

export interface Suggestion {
  /** A sub-category code from categories.json, e.g. 'safety.gas'. */
  category: string;
  /** Probability-like score in [0, 1]; calibrated on held-out data (mean confidence ≈ accuracy). */
  confidence: number;
}

export interface Classification extends Suggestion {
  /** The next three suggestions, best first. */
  alternatives: Suggestion[];
}

/**
 * Longer texts are cut: a pasted document should not stall the request, and the first 2,000 characters of
 * a complaint say what it is about.
 */
const MAX_CHARS = 2000;

export class CaseClassifier {
  private readonly scorer: Scorer;

  constructor(
    model: ModelJson,
    private readonly tree: CategoryTree,
  ) {
    const known = new Set(subCategoryCodes(tree));
    const unknown = model.classes.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new Error(`model classes missing from the category tree: ${unknown.join(', ')}`);
    this.scorer = compile(model);
  }

  /**
   * Never throws on odd input: empty, whitespace-only or non-Chinese text has no known features, so the
   * scores fall back to the class biases and the confidence is near 1 / number of categories.
   */
  classify(text: string): Classification {
    const input = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
    const p = this.scorer.probabilities(features(input));
    const [best, ...rest] = topK(p, 4).map((i) => ({ category: this.scorer.classes[i], confidence: p[i] }));
    return { ...best, alternatives: rest };
  }

  categories(): CategoryTree {
    return this.tree;
  }
}

/** Trains a classifier on the given examples (all of them: evaluation uses train.ts's split instead). */
export function buildClassifier(examples: readonly LabelledExample[], tree: CategoryTree): CaseClassifier {
  return new CaseClassifier(trainClassifier(examples), tree);
}

let shared: CaseClassifier | undefined;
/** The stored version (classifier_models.id) in use; null while it is the shipped model. */
let sharedVersion: number | null = null;

/**
 * Training takes ~0.4 s, so the trained model is cached under .cache/, keyed by a hash of the data it was trained
 * on: a changed data set simply trains afresh. The cache is derived, never committed.
 */
export function modelCacheFile(): string {
  const hash = createHash('sha256')
    .update(readFileSync(LABELLED_FILE))
    .update(readFileSync(CATEGORIES_FILE))
    .digest('hex')
    .slice(0, 16);
  return path.join(ROOT_DIR, '.cache', `classifier-${hash}.json`);
}

/** The model trained on the shipped data set (from the cache, or trained now): the one in use until a retrain wins. */
export function shippedModel(): ModelJson {
  const file = modelCacheFile();
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
  const model = trainClassifier(loadExamples());
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(model));
    renameSync(tmp, file);
  } catch {
    // A read-only install still works: it just trains at every start.
  }
  return model;
}

/** The process-wide classifier over the committed data: loaded from the cache or trained on first call. */
export function defaultClassifier(): CaseClassifier {
  shared ??= new CaseClassifier(shippedModel(), loadCategoryTree());
  return shared;
}

/**
 * Puts a retrained model in use in this process (learning.ts: after a retrain wins, and when another process's
 * win is noticed). Throws, leaving the model in use, if its classes are not in the category tree.
 */
export function useModel(model: ModelJson, version: number | null): void {
  shared = new CaseClassifier(model, loadCategoryTree());
  sharedVersion = version;
}

/** Goes back to the shipped model (tests between files: each file's database has its own retrained versions). */
export function useShippedModel(): void {
  shared = undefined;
  sharedVersion = null;
}

export function modelVersionInUse(): number | null {
  return sharedVersion;
}

let shippedFigures: ModelMetrics | undefined;

/** The shipped model on the hand-written held-out set (computed once per process: ~30 ms). */
export function shippedMetrics(): ModelMetrics {
  shippedFigures ??= heldOutMetrics(compile(shippedModel()), loadExamples(HELDOUT_FILE));
  return shippedFigures;
}

/** Suggested category for a report, with confidence and the next three alternatives. */
export function classify(text: string): Classification {
  return defaultClassifier().classify(text);
}

/** The two-level category tree, with each sub-category's priority and clocks. */
export function categories(): CategoryTree {
  return defaultClassifier().categories();
}
