import type { App } from '../../../core/http/types.js';

export async function catalogueRoutes(_app: App): Promise<void> {}
