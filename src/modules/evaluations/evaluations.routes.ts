import type { App } from '../../core/http/types.js';

/** Monthly evaluation sessions on the 20th (每月20日定期评事). */
export async function evaluationsRoutes(app: App): Promise<void> {
  void app;
}
