/**
 * Builds the labelled training set from the phrase bank in datasets/cases/phrasebank/: hand-written messages
 * ("free") plus compositions of opener + complaint + detail + request, with slot values (小区, streets,
 * markets…), punctuation styles and common typos. Pure and seeded, so the same bank gives the same file.
 * Near-duplicates are dropped so the held-out split is not just the training set with a different opener.
 */
import { z } from 'zod';
import { seededRandom } from './random.js';

/** One training example; defined here (not in data.ts, which reads the files) so data.ts → dataset.ts is one-way. */
export const ZLabelledExample = z.object({ text: z.string(), category: z.string() });
export type LabelledExample = z.infer<typeof ZLabelledExample>;

export const ZCategoryBank = z.object({
  problems: z.array(z.string()).min(1),
  details: z.array(z.string()),
  asks: z.array(z.string()),
  free: z.array(z.string()),
});
export const ZSharedBank = z.object({
  slots: z.record(z.string(), z.array(z.string()).min(1)),
  openers: z.array(z.string()),
  details: z.array(z.string()),
  asks: z.array(z.string()),
  typos: z.array(z.tuple([z.string(), z.string()])),
});
export type CategoryBank = z.infer<typeof ZCategoryBank>;
export type SharedBank = z.infer<typeof ZSharedBank>;

export interface GenerateOptions {
  seed: number;
  /** Examples wanted per sub-category; the generator throws if the bank cannot yield `minPerCategory`. */
  perCategory: number;
  minPerCategory: number;
  /** How many times one complaint clause may be reused with different framing. */
  maxUsesPerProblem: number;
  /** Character-bigram Jaccard at or above which two messages of one category count as near-duplicates. */
  nearDuplicate: number;
}

export const DEFAULT_GENERATE: GenerateOptions = {
  seed: 20260520,
  perCategory: 50,
  minPerCategory: 40,
  maxUsesPerProblem: 3,
  nearDuplicate: 0.6,
};

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function fillSlots(rng: Rng, template: string, slots: SharedBank['slots']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (slots[name] ? pick(rng, slots[name]) : whole));
}

const QUESTION_WORDS = /吗|怎么|什么|哪里|哪个|多少|多久|有没有|能不能|要不要|是不是|[？?]/;
const QUESTION_END = /(吗|么|呢|什么|怎么|哪里|哪个|多少|多久|要不要|能不能|是不是)$/;

/** Ends a message the way people type: a full stop, nothing, an exclamation or two, or a question mark. */
function ending(rng: Rng, text: string): string {
  if (/[。！？!?]$/.test(text)) return '';
  if (QUESTION_END.test(text)) return rng() < 0.6 ? '？' : '';
  const r = rng();
  return r < 0.45 ? '。' : r < 0.75 ? '' : r < 0.9 ? '！' : '!!';
}

/** Joins clauses with one separator style per message: Chinese comma, space, nothing, or full stops. */
function joinClauses(rng: Rng, parts: string[]): string {
  const r = rng();
  const sep = r < 0.6 ? '，' : r < 0.8 ? ' ' : r < 0.9 ? '' : '。';
  const text = parts.map((p) => p.replace(/[，。！？]+$/, '')).join(sep);
  return text + ending(rng, text);
}

function applyTypo(rng: Rng, text: string, typos: SharedBank['typos']): string {
  const applicable = typos.filter(([right]) => text.includes(right));
  if (applicable.length === 0) return text;
  const [right, wrong] = pick(rng, applicable);
  return text.replace(right, wrong);
}

/** Terse register: punctuation replaced by spaces or dropped, as in hurried phone messages. */
function stripPunctuation(rng: Rng, text: string): string {
  const sep = rng() < 0.5 ? ' ' : '';
  return text.replace(/[，。！？、：；,.!?]+/g, sep).trim();
}

function roughen(rng: Rng, text: string, shared: SharedBank): string {
  let out = text;
  if (rng() < 0.15) out = applyTypo(rng, out, shared.typos);
  if (rng() < 0.1) out = stripPunctuation(rng, out);
  return out;
}

export function composeMessage(rng: Rng, problem: string, bank: CategoryBank, shared: SharedBank): string {
  const fill = (t: string) => fillSlots(rng, t, shared.slots);
  const parts = [fill(problem)];
  // A question ("低保申请要什么材料") reads oddly followed by a complaint's detail, so it gets none.
  const question = QUESTION_WORDS.test(problem);
  if (!question && rng() < 0.55) {
    const detail = fill(rng() < 0.7 && bank.details.length > 0 ? pick(rng, bank.details) : pick(rng, shared.details));
    if (rng() < 0.15) parts.unshift(detail);
    else parts.push(detail);
  }
  if (rng() < 0.5)
    parts.push(!question && rng() < 0.5 && bank.asks.length > 0 ? pick(rng, bank.asks) : pick(rng, shared.asks));
  const opener = rng() < 0.45 ? fill(pick(rng, shared.openers)) : '';
  return roughen(rng, opener + joinClauses(rng, parts), shared);
}

const PUNCT_OR_SPACE = /[\s\p{P}\p{S}]+/gu;

export function bigramSet(text: string): Set<string> {
  const t = text.replace(PUNCT_OR_SPACE, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 1 : inter / union;
}

/** Accepts a message unless its normalised form was seen anywhere or it nearly repeats one of its category. */
export class Deduper {
  private readonly seen = new Set<string>();
  private readonly accepted: Set<string>[] = [];
  constructor(
    private readonly threshold: number,
    private readonly globalSeen: Set<string>,
  ) {}

  offer(text: string): boolean {
    const key = text.replace(PUNCT_OR_SPACE, '');
    if (key.length === 0 || this.seen.has(key) || this.globalSeen.has(key)) return false;
    const grams = bigramSet(text);
    if (this.accepted.some((g) => jaccard(g, grams) >= this.threshold)) return false;
    this.seen.add(key);
    this.globalSeen.add(key);
    this.accepted.push(grams);
    return true;
  }
}

function generateCategory(
  rng: Rng,
  code: string,
  bank: CategoryBank,
  shared: SharedBank,
  opts: GenerateOptions,
  globalSeen: Set<string>,
): LabelledExample[] {
  const dedupe = new Deduper(opts.nearDuplicate, globalSeen);
  const out: LabelledExample[] = [];
  for (const free of bank.free) {
    const text = roughen(rng, fillSlots(rng, free, shared.slots), shared);
    if (dedupe.offer(text)) out.push({ text, category: code });
  }
  // Rounds over the shuffled problems: each round reuses every clause once more, so variety is spread evenly.
  for (let round = 0; round < opts.maxUsesPerProblem && out.length < opts.perCategory; round++) {
    for (const problem of shuffled(rng, bank.problems)) {
      if (out.length >= opts.perCategory) break;
      // A few tries per clause: a rejected near-duplicate gets another framing before giving up.
      for (let attempt = 0; attempt < 4; attempt++) {
        const text = composeMessage(rng, problem, bank, shared);
        if (dedupe.offer(text)) {
          out.push({ text, category: code });
          break;
        }
      }
    }
  }
  if (out.length < opts.minPerCategory)
    throw new Error(`${code}: only ${out.length} distinct examples, need ${opts.minPerCategory}`);
  return out;
}

/**
 * Generates examples for every code in `codes`, in that order (every code must have a bank entry): the template
 * compositions first, then (with a variety bank) the varied messages of variety.ts, which skip any text already made.
 */
export function generateLabelled(
  codes: string[],
  banks: Record<string, CategoryBank>,
  shared: SharedBank,
  opts: GenerateOptions = DEFAULT_GENERATE,
  variety?: (seen: Set<string>) => LabelledExample[],
): LabelledExample[] {
  const rng = seededRandom(opts.seed);
  const globalSeen = new Set<string>();
  const templated = codes.flatMap((code) => {
    const bank = banks[code];
    if (!bank) throw new Error(`no phrase bank for ${code}`);
    return generateCategory(rng, code, bank, shared, opts, globalSeen);
  });
  return variety ? templated.concat(variety(globalSeen)) : templated;
}

/** One JSON object per line, newline-terminated: the on-disk form of labelled.jsonl. */
export function formatJsonl(examples: readonly LabelledExample[]): string {
  return examples.map((e) => JSON.stringify({ text: e.text, category: e.category })).join('\n') + '\n';
}
