/**
 * Case-category classifier: data size, held-out accuracy (top-1, top-3, per top-level category) for the shipped
 * softmax model and the naive-Bayes baseline, accuracy on the hand-written challenge set, calibration,
 * first-use and training time, and classify latency.
 * Run: node --import tsx bench/classifier.ts
 */
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { CHALLENGE_FILE, loadCategoryTree, loadExamples } from '../src/modules/cases/classifier/data.js';
import { compile } from '../src/modules/cases/classifier/model.js';
import {
  DEFAULT_TRAIN,
  type Evaluation,
  evaluate,
  fitTemperature,
  type ModelKind,
  splitExamples,
  trainClassifier,
} from '../src/modules/cases/classifier/train.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function topConfusions(e: Evaluation, n: number): string[] {
  const counts = new Map<string, number>();
  for (const err of e.errors)
    counts.set(`${err.expected} → ${err.predicted}`, (counts.get(`${err.expected} → ${err.predicted}`) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v} × ${k}`);
}

function latency(texts: string[], rounds: number): { mean: number; p95: number } {
  const classifier = defaultClassifier();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      classifier.classify(t);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((s, x) => s + x, 0) / samples.length, p95: samples[Math.floor(samples.length * 0.95)] };
}

function main(): void {
  // First: nothing has loaded jieba yet, so this is what the first request after a start pays.
  const firstUse = timed(() => defaultClassifier());
  const examples = loadExamples();
  const challenge = loadExamples(CHALLENGE_FILE);
  const tree = loadCategoryTree();
  const split = splitExamples(examples);
  console.log(
    `categories: ${tree.categories.length} top-level, ${tree.categories.reduce((s, c) => s + c.children.length, 0)} sub-categories`,
  );
  console.log(
    `labelled examples: ${examples.length}; train: ${split.train.length}; held-out: ${split.heldOut.length}; hand-written challenge set: ${challenge.length}`,
  );

  let shipped: Evaluation | undefined;
  for (const kind of ['softmax', 'naive-bayes'] as ModelKind[]) {
    const trained = timed(() => trainClassifier(split.train, { kind }));
    const scorer = compile(trained.value);
    const held = evaluate(scorer, split.heldOut);
    const ch = evaluate(scorer, challenge);
    const fitted = fitTemperature(compile({ ...trained.value, temperature: 1 }), split.heldOut);
    const tag = kind === DEFAULT_TRAIN.kind ? ' (shipped)' : ' (baseline)';
    console.log(`\n${kind}${tag}: trained on ${split.train.length} in ${trained.ms.toFixed(0)} ms`);
    console.log(
      `  held-out   top-1 ${pct(held.top1)}, top-3 ${pct(held.top3)}, mean confidence ${pct(held.meanConfidence)}, ECE ${held.ece.toFixed(3)}`,
    );
    console.log(
      `  challenge  top-1 ${pct(ch.top1)}, top-3 ${pct(ch.top3)}, mean confidence ${pct(ch.meanConfidence)}, ECE ${ch.ece.toFixed(3)}`,
    );
    console.log(`  temperature: in use ${trained.value.temperature}, fitted now on held-out ${fitted}`);
    if (kind === DEFAULT_TRAIN.kind) shipped = held;
  }
  if (!shipped) return;

  console.log(
    '\nper top-level category, held-out (shipped model): exact sub-category top-1 | top suggestion in the right top-level',
  );
  for (const top of tree.categories) {
    const r = shipped.perTopLevel[top.code];
    if (r)
      console.log(
        `  ${top.code.padEnd(12)} ${top.name}  ${pct(r.top1).padStart(7)} | ${pct(r.parentTop1).padStart(7)}  (n=${r.size})`,
      );
  }
  console.log(`\nmost frequent held-out confusions: ${topConfusions(shipped, 6).join('; ')}`);

  const full = timed(() => trainClassifier(examples));
  const lat = latency(
    [...split.heldOut, ...challenge].map((e) => e.text),
    10,
  );
  console.log(
    `\nfirst use (jieba dictionary + tokenising + training on all ${examples.length}): ${firstUse.ms.toFixed(0)} ms`,
  );
  console.log(`training on all ${examples.length}, warm: ${full.ms.toFixed(0)} ms`);
  console.log(
    `classify latency over ${(split.heldOut.length + challenge.length) * 10} calls: mean ${(lat.mean * 1000).toFixed(0)} µs, p95 ${(lat.p95 * 1000).toFixed(0)} µs`,
  );
}

main();
