/**
 * Rewrites datasets/cases/labelled.jsonl from the phrase bank. Run after editing datasets/cases/phrasebank/*.json:
 *   node --import tsx src/modules/cases/classifier/generate-dataset.ts
 * Deterministic (seeded), so re-running without bank changes leaves the file byte-identical; a test checks
 * that the committed file is exactly what this produces.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateShippedSet, LABELLED_FILE, loadCategoryTree, subCategoryCodes } from './data.js';
import { formatJsonl } from './dataset.js';

function main(): void {
  const codes = subCategoryCodes(loadCategoryTree());
  const examples = generateShippedSet(codes);
  writeFileSync(LABELLED_FILE, formatJsonl(examples));
  console.log(
    `wrote ${examples.length} examples for ${codes.length} sub-categories to ${path.relative(process.cwd(), LABELLED_FILE)}`,
  );
}

main();
