import type { App } from '../../../core/http/types.js';

export async function hoursRoutes(_app: App): Promise<void> {}
