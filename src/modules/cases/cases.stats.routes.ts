import type { App } from '../../core/http/types.js';

/** The three rates and counts. */
export async function caseStatsRoutes(app: App): Promise<void> {
  void app;
}
