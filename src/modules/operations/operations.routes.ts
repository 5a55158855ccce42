import { authorize } from '../../core/auth/plugin.js';
import type { App } from '../../core/http/types.js';
import { type BackgroundJob, type DatabaseKind, ZJobRunList } from './operations.contracts.js';
import { listJobRuns } from './operations.service.js';

export interface OperationsRoutesOptions {
  /** The background jobs and whether this server runs each (src/background.jobs.ts, from the composition root). */
  jobs: readonly BackgroundJob[];
  database: DatabaseKind;
}

/** The county admin's view of how the server runs: the background jobs' last runs (后台任务). */
export async function operationsRoutes(app: App, opts: OperationsRoutesOptions): Promise<void> {
  app.get('/job-runs', { schema: { tags: ['operations'], response: { 200: ZJobRunList } } }, async (req) => {
    authorize(req, 'operations.jobs.read');
    return listJobRuns({ db: app.db, jobs: opts.jobs, database: opts.database });
  });
}
