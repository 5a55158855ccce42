/**
 * The classifier's data on disk: the category tree and the labelled examples, both under datasets/cases/.
 * Parsed with zod so that a hand edit that breaks a file fails loudly at load, not as a silent mis-route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT_DIR } from '../../../core/paths.js';
import {
  type CategoryBank,
  DEFAULT_GENERATE,
  generateLabelled,
  type LabelledExample,
  type SharedBank,
  ZCategoryBank,
  ZLabelledExample,
  ZSharedBank,
} from './dataset.js';
import { generateVariety, type VarietyBank, ZVarietyBank } from './variety.js';

export { type LabelledExample, ZLabelledExample } from './dataset.js';

/** One place to change if the data moves (data/ is also PGlite's default DATA_DIR; see the report). */
export const CASES_DATA_DIR = path.join(ROOT_DIR, 'datasets', 'cases');
export const CATEGORIES_FILE = path.join(CASES_DATA_DIR, 'categories.json');
export const LABELLED_FILE = path.join(CASES_DATA_DIR, 'labelled.jsonl');
/** Phrases, slot values and typos that generate labelled.jsonl (see generate-dataset.ts). */
export const PHRASEBANK_DIR = path.join(CASES_DATA_DIR, 'phrasebank');
/** Hand-written messages kept apart from the template-generated set: an honest second opinion on accuracy. */
export const CHALLENGE_FILE = path.join(CASES_DATA_DIR, 'challenge.jsonl');
/**
 * Complaints written by hand in residents' own words, independently of the phrase bank: the set the accuracy goal
 * is stated on and a retrained model is checked against. Never trained or tuned on (challenge.jsonl is the dev set).
 */
export const HELDOUT_FILE = path.join(CASES_DATA_DIR, 'heldout.jsonl');

const ZPriority = z.enum(['urgent', 'ordinary', 'complex']);

const ZSubCategory = z
  .object({
    code: z.string().regex(/^[a-z]+\.[a-z_]+$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    scope: z.string().min(1),
    priority: ZPriority,
    responseHours: z.number().positive(),
    resolutionHours: z.number().positive().optional(),
    resolutionWorkingDays: z.number().positive().optional(),
  })
  .refine((c) => (c.resolutionHours === undefined) !== (c.resolutionWorkingDays === undefined), {
    message: 'exactly one of resolutionHours and resolutionWorkingDays',
  });

const ZTopCategory = z.object({
  code: z.string().regex(/^[a-z]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  children: z.array(ZSubCategory).min(1),
});

const ZClock = z.object({
  priority: ZPriority,
  responseHours: z.number().positive(),
  resolutionHours: z.number().positive().optional(),
  resolutionWorkingDays: z.number().positive().optional(),
});

export const ZCategoryTree = z.object({
  version: z.number().int(),
  clockDefaults: z.object({ urgent: ZClock, ordinary: ZClock, complex: ZClock }),
  categories: z.array(ZTopCategory).min(1),
});

export type Priority = z.infer<typeof ZPriority>;
export type SubCategory = z.infer<typeof ZSubCategory>;
export type TopCategory = z.infer<typeof ZTopCategory>;
export type CategoryTree = z.infer<typeof ZCategoryTree>;

export function loadCategoryTree(file: string = CATEGORIES_FILE): CategoryTree {
  return ZCategoryTree.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Reads a JSON-lines file of examples; blank lines are skipped, a bad line names its line number. */
export function loadExamples(file: string = LABELLED_FILE): LabelledExample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: LabelledExample[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = ZLabelledExample.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path.basename(file)}:${i + 1}: ${parsed.error.message}`);
    out.push(parsed.data);
  });
  return out;
}

export function subCategoryCodes(tree: CategoryTree): string[] {
  return tree.categories.flatMap((c) => c.children.map((s) => s.code));
}

/** 'safety.gas' → 'safety': codes carry their parent, so no lookup is needed. */
export function topLevelOf(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

function readBankFile(file: string): unknown {
  return JSON.parse(readFileSync(path.join(PHRASEBANK_DIR, file), 'utf8'));
}

/** Every phrasebank/*.json except _shared.json maps sub-category codes to their phrases. */
export function loadPhraseBank(): { banks: Record<string, CategoryBank>; shared: SharedBank; variety: VarietyBank } {
  const banks: Record<string, CategoryBank> = {};
  for (const file of readdirSync(PHRASEBANK_DIR)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort()) {
    const raw = readBankFile(file);
    if (typeof raw !== 'object' || raw === null) throw new Error(`${file}: not an object`);
    for (const [code, bank] of Object.entries(raw)) banks[code] = ZCategoryBank.parse(bank);
  }
  const sharedRaw = readBankFile('_shared.json');
  return { banks, shared: ZSharedBank.parse(sharedRaw), variety: ZVarietyBank.parse(sharedRaw) };
}

/** The shipped training set as the generator makes it from the bank: what labelled.jsonl must contain. */
export function generateShippedSet(codes: string[] = subCategoryCodes(loadCategoryTree())): LabelledExample[] {
  const { banks, shared, variety } = loadPhraseBank();
  const unknown = Object.keys(banks).filter((c) => !codes.includes(c));
  if (unknown.length > 0) throw new Error(`phrase bank has codes missing from categories.json: ${unknown.join(', ')}`);
  return generateLabelled(codes, banks, shared, DEFAULT_GENERATE, (seen) =>
    generateVariety(codes, banks, shared, variety, seen),
  );
}
