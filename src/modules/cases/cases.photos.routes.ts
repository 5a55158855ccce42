import type { App } from '../../core/http/types.js';

/** Photo upload (re-encoded with a thumbnail) and serving. */
export async function casePhotosRoutes(app: App): Promise<void> {
  void app;
}
