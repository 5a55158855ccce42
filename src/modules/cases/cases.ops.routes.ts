import type { App } from '../../core/http/types.js';

/** Duplicates, merging, the unit inbox and the clock sweep. */
export async function casesOpsRoutes(app: App): Promise<void> {
  void app;
}
