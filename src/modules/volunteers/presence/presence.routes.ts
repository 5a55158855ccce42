import type { App } from '../../../core/http/types.js';

export async function presenceRoutes(_app: App): Promise<void> {}
