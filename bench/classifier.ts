/**
 * Case-category classifier: data size, accuracy on the hand-written held-out set (top-level and sub-category, top-1
 * and top-3: the goal), on the split of the generated set (per top-level category) and on the dev set, for the
 * shipped softmax model and the naive-Bayes baseline; calibration, first-use and training time, classify latency, and
 * the learning loop's retraining time on 10,000 corrections (in-process, and through the worker thread).
 * Run: node --import tsx bench/classifier.ts
 */
import { defaultClassifier, shippedModel } from '../src/modules/cases/classifier/classifier.js';
import {
  CHALLENGE_FILE,
  HELDOUT_FILE,
  loadCategoryTree,
  loadExamples,
  loadPhraseBank,
  subCategoryCodes,
} from '../src/modules/cases/classifier/data.js';
import { heldOutMetrics, type ModelMetrics } from '../src/modules/cases/classifier/metrics.js';
import { compile } from '../src/modules/cases/classifier/model.js';
import { packModel } from '../src/modules/cases/classifier/model-store.js';
import { retrain } from '../src/modules/cases/classifier/retrain.js';
import { retrainInWorker } from '../src/modules/cases/classifier/retrain.runner.js';
import { generateVariety } from '../src/modules/cases/classifier/variety.js';
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

const figures = (m: ModelMetrics) =>
  `top-level top-1 ${pct(m.topLevelTop1)}, top-3 ${pct(m.topLevelTop3)} | sub-category top-1 ${pct(m.top1)}, top-3 ${pct(m.top3)}`;

/**
 * 10,000 stand-in corrections: varied messages (variety.ts) from another seed than the shipped ones, so they are new
 * texts in residents' wording, as staff corrections would be.
 */
function corrections(n: number) {
  const codes = subCategoryCodes(loadCategoryTree());
  const { banks, shared, variety } = loadPhraseBank();
  const perCategory = Math.ceil(n / codes.length);
  const made = generateVariety(codes, banks, shared, variety, new Set(loadExamples().map((e) => e.text)), {
    seed: 4242,
    perCategory,
    nearDuplicate: 0.95,
  });
  return made.slice(0, n);
}

async function retraining(n: number): Promise<void> {
  const shipped = loadExamples();
  const heldOut = loadExamples(HELDOUT_FILE);
  const extra = corrections(n);
  const current = shippedModel();
  const inProcess = timed(() => retrain({ shipped, corrections: extra, heldOut, current }));
  const r = inProcess.value;
  console.log(
    `\nretraining on ${shipped.length} shipped + ${extra.length} corrections (${r.trainSize} trained, checked on ${r.checkSize}): ${(inProcess.ms / 1000).toFixed(1)} s in-process`,
  );
  console.log(`  candidate  ${figures(r.metrics)}`);
  console.log(`  in use     ${figures(r.baselineMetrics)}  → ${r.accepted ? 'replaces it' : 'kept'}`);
  const t0 = performance.now();
  const viaWorker = await retrainInWorker(
    { shipped, corrections: extra, heldOut, current: packModel(current) },
    () => {},
  );
  console.log(
    `  through the worker thread (start, jieba, train, check, pack): ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${(viaWorker.ms / 1000).toFixed(1)} s in the thread; stored model ${(viaWorker.model.length / 1e6).toFixed(1)} MB gzip'd`,
  );
}

/** Per top-level category, on the held-out split: exact sub-category top-1, and the top suggestion's top level. */
function reportPerCategory(tree: ReturnType<typeof loadCategoryTree>, shipped: Evaluation): void {
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
}

async function main(): Promise<void> {
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
    `labelled examples: ${examples.length}; train: ${split.train.length}; held-out: ${split.heldOut.length}; hand-written dev (challenge) set: ${challenge.length}`,
  );

  const heldOut = loadExamples(HELDOUT_FILE);
  console.log(`\nhand-written held-out set (${heldOut.length}), shipped model trained on all ${examples.length}:`);
  console.log(`  ${figures(heldOutMetrics(compile(shippedModel()), heldOut))}`);

  let shipped: Evaluation | undefined;
  for (const kind of ['softmax', 'naive-bayes'] as ModelKind[]) {
    const trained = timed(() => trainClassifier(split.train, { kind }));
    const scorer = compile(trained.value);
    const held = evaluate(scorer, split.heldOut);
    const ch = evaluate(scorer, challenge);
    const ho = heldOutMetrics(scorer, heldOut);
    const fitted = fitTemperature(compile({ ...trained.value, temperature: 1 }), split.heldOut);
    const tag = kind === DEFAULT_TRAIN.kind ? ' (shipped)' : ' (baseline)';
    console.log(`\n${kind}${tag}: trained on ${split.train.length} in ${trained.ms.toFixed(0)} ms`);
    console.log(
      `  held-out   top-1 ${pct(held.top1)}, top-3 ${pct(held.top3)}, mean confidence ${pct(held.meanConfidence)}, ECE ${held.ece.toFixed(3)}`,
    );
    console.log(
      `  challenge  top-1 ${pct(ch.top1)}, top-3 ${pct(ch.top3)}, mean confidence ${pct(ch.meanConfidence)}, ECE ${ch.ece.toFixed(3)}`,
    );
    console.log(`  hand-written held-out (trained on the split's 80 %): ${figures(ho)}`);
    console.log(`  temperature: in use ${trained.value.temperature}, fitted now on held-out ${fitted}`);
    if (kind === DEFAULT_TRAIN.kind) shipped = held;
  }
  if (!shipped) return;

  reportPerCategory(tree, shipped);

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
  await retraining(10_000);
}

await main();
