#!/usr/bin/env node
// Part of `npm install` (prepare): caches an empty PGlite cluster so a first start skips initdb. Optional:
// if it fails, the server simply runs initdb itself.
import { writeInitdbTemplate } from '../dist/src/core/pglite-template.js';

try {
  const file = await writeInitdbTemplate();
  console.log(`cached an empty PGlite cluster in ${file}`);
} catch (err) {
  console.warn(`could not cache a PGlite cluster (first start will run initdb): ${err instanceof Error ? err.message : err}`);
}
