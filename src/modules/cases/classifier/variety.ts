/**
 * The shipped set beyond templates: for every sub-category, messages written the way residents actually write —
 * long and rambling (a preamble, the complaint, a detail, a grumble, a closing plea), several problems in one message
 * (the main one first, then "另外…" and another category's clause; labelled with the main one), Minbei/Nanping
 * colloquialisms (冇, 厝, 讲, 晓得, 落雨…) and one or two typos. Seeded like dataset.ts, so the same bank always gives
 * the same examples.
 */
import { z } from 'zod';
import type { CategoryBank, LabelledExample, SharedBank } from './dataset.js';
import { Deduper, fillSlots } from './dataset.js';
import { seededRandom } from './random.js';

export const ZVarietyBank = z.object({
  dialect: z.array(z.tuple([z.string(), z.string()])).min(1),
  /** Typos used here besides the shared ones (kept apart so the template set stays as it was). */
  moreTypos: z.array(z.tuple([z.string(), z.string()])),
  preambles: z.array(z.string()).min(1),
  fillers: z.array(z.string()).min(1),
  closers: z.array(z.string()).min(1),
  connectors: z.array(z.string()).min(1),
});
export type VarietyBank = z.infer<typeof ZVarietyBank>;

export interface VarietyOptions {
  seed: number;
  perCategory: number;
  nearDuplicate: number;
}

export const DEFAULT_VARIETY: VarietyOptions = { seed: 20261207, perCategory: 30, nearDuplicate: 0.6 };

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const strip = (s: string) => s.replace(/[，。！？,.!?\s]+$/u, '');

/** Every dialect word that fits is swapped with probability ½ (at least one when any fits): speech mixes both. */
export function dialectise(rng: Rng, text: string, pairs: VarietyBank['dialect']): string {
  const fits = pairs.filter(([std]) => text.includes(std));
  if (fits.length === 0) return text;
  const chosen = fits.filter(() => rng() < 0.5);
  return (chosen.length ? chosen : [pick(rng, fits)]).reduce((t, [std, local]) => t.replaceAll(std, local), text);
}

function typos(rng: Rng, text: string, pairs: SharedBank['typos'], n: number): string {
  let out = text;
  for (let i = 0; i < n; i++) {
    const fits = pairs.filter(([right]) => out.includes(right));
    if (fits.length === 0) break;
    const [right, wrong] = pick(rng, fits);
    out = out.replace(right, wrong);
  }
  return out;
}

function rambling(rng: Rng, core: string, bank: CategoryBank, shared: SharedBank, v: VarietyBank): string {
  const parts = [pick(rng, v.preambles) + strip(core)];
  if (bank.details.length > 0) parts.push(strip(pick(rng, bank.details)));
  parts.push(pick(rng, v.fillers));
  if (rng() < 0.5) parts.push(strip(pick(rng, shared.details)));
  parts.push(pick(rng, v.closers));
  return `${[...new Set(parts)].join('，')}${rng() < 0.5 ? '。' : ''}`;
}

/** The main complaint (with its own detail), then a smaller one from another category. */
function several(rng: Rng, core: string, bank: CategoryBank, other: CategoryBank, v: VarietyBank): string {
  const detail = bank.details.length > 0 && rng() < 0.7 ? `，${strip(pick(rng, bank.details))}` : '';
  const aside = strip(pick(rng, other.problems));
  return `${strip(core)}${detail}。${pick(rng, v.connectors)}${aside}`;
}

function oneMessage(
  rng: Rng,
  code: string,
  banks: Record<string, CategoryBank>,
  others: string[],
  shared: SharedBank,
  v: VarietyBank,
): string {
  const bank = banks[code];
  const core = rng() < 0.7 || bank.free.length === 0 ? pick(rng, bank.problems) : pick(rng, bank.free);
  const shape = rng();
  let text =
    shape < 0.4
      ? rambling(rng, core, bank, shared, v)
      : shape < 0.7
        ? several(rng, core, bank, banks[pick(rng, others)], v)
        : `${strip(core)}，${strip(pick(rng, bank.details.length ? bank.details : shared.details))}`;
  text = fillSlots(rng, text, shared.slots);
  if (rng() < 0.6) text = dialectise(rng, text, v.dialect);
  const r = rng();
  return typos(rng, text, [...shared.typos, ...v.moreTypos], r < 0.4 ? 0 : r < 0.8 ? 1 : 2);
}

/** `perCategory` varied messages for every code, in the order of `codes`; texts already in `seen` are skipped. */
export function generateVariety(
  codes: string[],
  banks: Record<string, CategoryBank>,
  shared: SharedBank,
  v: VarietyBank,
  seen: Set<string>,
  opts: VarietyOptions = DEFAULT_VARIETY,
): LabelledExample[] {
  const rng = seededRandom(opts.seed);
  return codes.flatMap((code) => {
    // Asides come from other top-level categories, so a second problem never blurs two neighbouring sub-categories.
    const family = code.slice(0, code.indexOf('.'));
    const others = codes.filter((c) => !c.startsWith(`${family}.`));
    const dedupe = new Deduper(opts.nearDuplicate, seen);
    const out: LabelledExample[] = [];
    for (let attempt = 0; out.length < opts.perCategory && attempt < opts.perCategory * 8; attempt++) {
      const text = oneMessage(rng, code, banks, others, shared, v);
      if (dedupe.offer(text)) out.push({ text, category: code });
    }
    return out;
  });
}
