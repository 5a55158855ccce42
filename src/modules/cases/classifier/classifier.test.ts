import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseClassifier, categories, classify } from './classifier.js';
import {
  CHALLENGE_FILE,
  LABELLED_FILE,
  loadCategoryTree,
  loadExamples,
  generateShippedSet,
  HELDOUT_FILE,
  subCategoryCodes,
  topLevelOf,
} from './data.js';
import { bigramSet, formatJsonl, jaccard } from './dataset.js';
import { heldOutMetrics } from './metrics.js';
import { compile, type ModelJson } from './model.js';
import { evaluate, heldOutEvaluation, splitExamples, trainClassifier } from './train.js';
import { charBigrams, features, segment } from './tokenize.js';

const tree = loadCategoryTree();
const codes = subCategoryCodes(tree);
const examples = loadExamples();
const heldOut = loadExamples(HELDOUT_FILE);

describe('tokenize', () => {
  it('segments a report into content words, dropping stop-words and punctuation', () => {
    const words = segment('小区楼道里有燃气味道，很浓！');
    expect(words).toEqual(expect.arrayContaining(['小区', '楼道', '燃气', '味道']));
    expect(words).not.toContain('有');
    expect(words).not.toContain('，');
    expect(words).not.toContain('！');
  });

  it('keeps domain words whole that the general dictionary would split', () => {
    expect(segment('杭川镇水南路的路灯不亮了')).toContain('路灯');
    expect(segment('电动车充电桩坏了')).toEqual(expect.arrayContaining(['电动车', '充电桩']));
  });

  it('drops bare numbers and lower-cases full-width Latin letters', () => {
    expect(segment('3号楼ＫＴＶ吵到12点')).toEqual(expect.arrayContaining(['ktv']));
    expect(segment('3号楼ＫＴＶ吵到12点')).not.toContain('3');
  });

  it('gives character bigrams inside Chinese runs only, so a typo still shares pieces with the right word', () => {
    expect(charBigrams('路登不亮，好黑')).toEqual(['路登', '登不', '不亮', '好黑']);
    expect(charBigrams('然气味')).toContain('气味');
    expect(charBigrams('hello world')).toEqual([]);
  });

  it('prefixes features by kind and returns nothing for empty or non-Chinese text', () => {
    const f = features('路灯坏了');
    expect(f).toEqual(expect.arrayContaining(['w:路灯', 'b:路灯', 'u:灯']));
    expect(features('')).toEqual([]);
    expect(features('   ')).toEqual([]);
    expect(features('!!! 123 ...')).toEqual([]);
  });
});

describe('category tree', () => {
  it('has 8–10 top-level categories of 3–6 sub-categories each, about 35 in all', () => {
    expect(tree.categories.length).toBeGreaterThanOrEqual(8);
    expect(tree.categories.length).toBeLessThanOrEqual(10);
    for (const top of tree.categories) {
      expect(top.children.length).toBeGreaterThanOrEqual(3);
      expect(top.children.length).toBeLessThanOrEqual(6);
    }
    expect(codes.length).toBeGreaterThanOrEqual(32);
    expect(codes.length).toBeLessThanOrEqual(40);
  });

  it('uses unique codes prefixed by their parent code', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const top of tree.categories) for (const sub of top.children) expect(topLevelOf(sub.code)).toBe(top.code);
  });

  it('gives every sub-category the clocks of its priority', () => {
    for (const sub of tree.categories.flatMap((c) => c.children)) {
      const clock = tree.clockDefaults[sub.priority];
      expect(sub.responseHours).toBe(clock.responseHours);
      expect(sub.resolutionHours).toBe(clock.resolutionHours);
      expect(sub.resolutionWorkingDays).toBe(clock.resolutionWorkingDays);
    }
    const priorityOf = (code: string) =>
      tree.categories.flatMap((c) => c.children).find((s) => s.code === code)?.priority;
    expect(priorityOf('safety.gas')).toBe('urgent');
    expect(priorityOf('facilities.streetlight')).toBe('ordinary');
    expect(priorityOf('property.renovation')).toBe('complex');
  });

  it('is what categories() exposes', () => {
    expect(categories()).toEqual(tree);
  });
});

describe('labelled data', () => {
  it('labels every example with a sub-category of the tree', () => {
    const known = new Set(codes);
    expect(examples.filter((e) => !known.has(e.category))).toEqual([]);
    expect(loadExamples(CHALLENGE_FILE).filter((e) => !known.has(e.category))).toEqual([]);
  });

  it('has at least 40 examples for every sub-category and no repeated text', () => {
    for (const code of codes)
      expect(examples.filter((e) => e.category === code).length, code).toBeGreaterThanOrEqual(40);
    expect(new Set(examples.map((e) => e.text)).size).toBe(examples.length);
  });

  it('keeps the hand-written challenge set apart from the training data', () => {
    const training = new Set(examples.map((e) => e.text));
    expect(loadExamples(CHALLENGE_FILE).filter((e) => training.has(e.text))).toEqual([]);
  });

  it('keeps the held-out set independent: no text in (or nearly the same as one in) the training or dev set', () => {
    const others = [...examples, ...loadExamples(CHALLENGE_FILE)].map((e) => bigramSet(e.text));
    const close = heldOut.filter((e) => {
      const grams = bigramSet(e.text);
      return others.some((o) => jaccard(grams, o) >= 0.5);
    });
    expect(close).toEqual([]);
    for (const code of codes) expect(heldOut.filter((e) => e.category === code).length, code).toBeGreaterThanOrEqual(8);
  }, 60_000); // ~10⁶ set comparisons: a few seconds, more on a busy machine

  it('is exactly what the generator makes from the phrase bank (edit the bank, then regenerate)', () => {
    expect(formatJsonl(generateShippedSet(codes))).toBe(readFileSync(LABELLED_FILE, 'utf8'));
  });
});

describe('split', () => {
  const a = splitExamples(examples);

  it('holds out 20 % of each category, disjoint from training', () => {
    expect(a.train.length + a.heldOut.length).toBe(examples.length);
    for (const code of codes) {
      const n = examples.filter((e) => e.category === code).length;
      expect(a.heldOut.filter((e) => e.category === code).length).toBe(Math.round(n * 0.2));
    }
    const held = new Set(a.heldOut.map((e) => e.text));
    expect(a.train.some((e) => held.has(e.text))).toBe(false);
  });

  it('is deterministic and independent of the order of the input', () => {
    const b = splitExamples([...examples].reverse());
    const texts = (xs: { text: string }[]) => xs.map((e) => e.text).sort();
    expect(texts(b.heldOut)).toEqual(texts(a.heldOut));
    expect(splitExamples(examples)).toEqual(a);
  });

  it('changes with the seed', () => {
    const c = splitExamples(examples, { seed: 1, heldOutFraction: 0.2 });
    expect(c.heldOut.map((e) => e.text)).not.toEqual(a.heldOut.map((e) => e.text));
  });
});

describe('model quality on held-out data', () => {
  // Measured 93 % top-1, 98 % top-3 (bench/classifier.ts). The thresholds sit a few points below so that a
  // small data edit does not fail the build, while a broken tokenizer or trainer (which drops to < 80 %) does.
  const { evaluation, model } = heldOutEvaluation(examples);

  it('reaches at least 85 % top-1 and 95 % top-3 accuracy on the held-out 20 %', () => {
    expect(evaluation.top1).toBeGreaterThanOrEqual(0.85);
    expect(evaluation.top3).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches at least 80 % top-1 on the hand-written challenge set, which no template produced', () => {
    // Measured ~91 %. Lower bar: these sentences share no template with training, only vocabulary.
    expect(evaluate(compile(model), loadExamples(CHALLENGE_FILE)).top1).toBeGreaterThanOrEqual(0.8);
  });

  it('meets the goal on the independent hand-written held-out set: top-level ≥ 92 % top-1 and ≥ 98 % top-3', () => {
    // The shipped model (trained on the whole shipped set) as intake uses it. Measured 97.2 % / 99.4 % top-level and
    // 96.3 % / 99.4 % sub-category (bench/classifier.ts); sub-category thresholds guard against a silent slide.
    const m = heldOutMetrics(compile(trainClassifier(examples)), heldOut);
    expect(m.size).toBe(heldOut.length);
    expect(m.topLevelTop1).toBeGreaterThanOrEqual(0.92);
    expect(m.topLevelTop3).toBeGreaterThanOrEqual(0.98);
    expect(m.top1).toBeGreaterThanOrEqual(0.9);
    expect(m.top3).toBeGreaterThanOrEqual(0.97);
  });

  it('gives confidences close to the accuracy actually achieved (expected calibration error < 0.08)', () => {
    expect(evaluation.ece).toBeLessThan(0.08);
  });

  it('trains deterministically and survives a JSON round trip', () => {
    const small = examples.filter((_, i) => i % 5 === 0);
    const m1 = trainClassifier(small);
    const m2 = JSON.parse(JSON.stringify(trainClassifier(small))) as ModelJson;
    expect(m2).toEqual(m1);
    const text = '楼道里电动车充电很危险';
    expect(compile(m2).probabilities(features(text))).toEqual(compile(m1).probabilities(features(text)));
  });
});

describe('classify', () => {
  it.each([
    ['小区楼道里有燃气味道很浓', 'safety.gas'],
    ['杭川镇溪畔路的路灯不亮好几天了', 'facilities.streetlight'],
    ['楼上每天半夜拖椅子，吵得睡不着', 'neighbour.noise'],
    ['广场舞音响太大声了，十点还在跳', 'environment.noise'],
    ['我家电梯困人了，快派人来', 'property.elevator'],
    ['想问一下低保怎么申请', 'livelihood.assistance'],
    ['有人把电动车推进楼道充电', 'safety.fire'],
    ['小区充电桩太少了，排不上队', 'traffic.ebike'],
    ['外墙瓷砖掉下来差点砸到人', 'safety.building'],
    ['菜市场外面摆摊把路都占了', 'civility.stalls'],
  ])('suggests the obvious category: %s → %s', (text, expected) => {
    const result = classify(text);
    expect(result.category).toBe(expected);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('returns the next three alternatives, best first, all different from the suggestion', () => {
    const r = classify('下水道堵了污水冒出来');
    expect(r.alternatives).toHaveLength(3);
    const confidences = [r.confidence, ...r.alternatives.map((a) => a.confidence)];
    expect([...confidences].sort((x, y) => y - x)).toEqual(confidences);
    expect(new Set([r.category, ...r.alternatives.map((a) => a.category)]).size).toBe(4);
    expect(confidences.reduce((s, c) => s + c, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it.each(['', '   ', 'hello world', '12345', '😀😀😀', '!!!???'])(
    'handles text with nothing to go on (%j) with low confidence',
    (text) => {
      const r = classify(text);
      expect(codes).toContain(r.category);
      expect(r.confidence).toBeLessThan(0.2);
      expect(r.alternatives).toHaveLength(3);
    },
  );

  it('does not throw on a very long text or a non-string from untyped callers', () => {
    expect(classify('路灯不亮'.repeat(5000)).category).toBe('facilities.streetlight');
    expect(() => classify(undefined as unknown as string)).not.toThrow();
  });

  it('refuses a model whose classes are not in the tree', () => {
    const model = trainClassifier([
      { text: '路灯坏了', category: 'facilities.streetlight' },
      { text: '外星人来了', category: 'aliens.landing' },
    ]);
    expect(() => new CaseClassifier(model, tree)).toThrow(/aliens\.landing/);
  });
});
