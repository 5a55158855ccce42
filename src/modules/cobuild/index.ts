import type { App } from '../../core/http/types.js';

/** The co-building routes (六联六构建: pairing, projects, three lists, joint meetings, service days). */
export async function cobuildRoutes(app: App): Promise<void> {
  void app;
}
