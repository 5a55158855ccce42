/**
 * The held-out figures the learning loop compares models by, and the accuracy goal is stated in: sub-category and
 * top-level, top-1 and top-3. A top-level category's probability is the sum of its sub-categories' (the model's
 * marginal), so "top-level top-3" ranks the ten departments' families, not the parents of the three best leaves.
 */
import type { LabelledExample } from './data.js';
import { topLevelOf } from './data.js';
import type { ModelMetrics } from './classifier.schema.js';
import type { Scorer } from './model.js';
import { features } from './tokenize.js';
import { topK } from './train.js';

export type { ModelMetrics } from './classifier.schema.js';

/** Ranks top-level codes by their summed probability, best first (ties keep the classes' order). */
export function topLevelRanking(classes: readonly string[], p: Float64Array): string[] {
  const sums = new Map<string, number>();
  classes.forEach((c, i) => sums.set(topLevelOf(c), (sums.get(topLevelOf(c)) ?? 0) + p[i]));
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

export function heldOutMetrics(scorer: Scorer, examples: readonly LabelledExample[]): ModelMetrics {
  let top1 = 0,
    top3 = 0,
    topLevelTop1 = 0,
    topLevelTop3 = 0;
  for (const e of examples) {
    const p = scorer.probabilities(features(e.text));
    const best = topK(p, 3).map((i) => scorer.classes[i]);
    const parents = topLevelRanking(scorer.classes, p);
    const parent = topLevelOf(e.category);
    if (best[0] === e.category) top1++;
    if (best.includes(e.category)) top3++;
    if (parents[0] === parent) topLevelTop1++;
    if (parents.slice(0, 3).includes(parent)) topLevelTop3++;
  }
  const n = Math.max(examples.length, 1);
  return {
    size: examples.length,
    top1: top1 / n,
    top3: top3 / n,
    topLevelTop1: topLevelTop1 / n,
    topLevelTop3: topLevelTop3 / n,
  };
}

/**
 * "Not worse" for the learning loop: a candidate replaces the model in use only if its sub-category top-1 (what
 * staff see pre-selected) and its top-level top-1 (which family of departments sees the case) are both at least the
 * current model's on the same held-out set.
 */
export function notWorse(candidate: ModelMetrics, current: ModelMetrics): boolean {
  return candidate.top1 >= current.top1 && candidate.topLevelTop1 >= current.topLevelTop1;
}
