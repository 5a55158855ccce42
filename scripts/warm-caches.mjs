#!/usr/bin/env node
// Part of `npm install` (prepare): builds derived caches under .cache/ so that a first start is fast — an empty
// PGlite cluster (skips initdb), the same with the migrations applied, and the trained case classifier. Optional: without them the server builds both.
import { writeMigratedTemplate } from '../dist/src/core/db.js';
import { writeInitdbTemplate } from '../dist/src/core/pglite-template.js';
import { defaultClassifier, modelCacheFile } from '../dist/src/modules/cases/classifier/classifier.js';

try {
  console.log(`cached an empty PGlite cluster in ${await writeInitdbTemplate()}`);
  console.log(`cached it migrated in ${await writeMigratedTemplate()}`);
} catch (err) {
  console.warn(
    `could not cache a PGlite cluster (first start will run initdb): ${err instanceof Error ? err.message : err}`,
  );
}
try {
  defaultClassifier();
  console.log(`cached the case classifier in ${modelCacheFile()}`);
} catch (err) {
  console.warn(
    `could not cache the case classifier (first start will train it): ${err instanceof Error ? err.message : err}`,
  );
}
