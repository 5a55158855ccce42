import type { App } from '../../../core/http/types.js';

export async function activitiesRoutes(_app: App): Promise<void> {}
