import { authorize } from '../../../core/auth/plugin.js';
import type { App } from '../../../core/http/types.js';
import { shippedMetrics } from './classifier.js';
import { ZClassifierOverview, ZModelVersion, ZRetrainRequest } from './classifier.contracts.js';
import { countCorrections, latestCorrections } from './corrections.js';
import { listModelVersions, type ModelVersionRow, refreshModelInUse, retrainNow } from './learning.js';
import { modelVersionInUse } from './classifier.js';

const tags = ['cases'];
/** How often a process looks for a model put in use by another process's retrain (one indexed lookup). */
const REFRESH_EVERY_MS = 15_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentVersion(v: ModelVersionRow) {
  return {
    ...v,
    requestedAt: v.requestedAt.toISOString(),
    finishedAt: iso(v.finishedAt),
    activatedAt: iso(v.activatedAt),
    metrics: v.metrics ?? null,
    baselineMetrics: v.baselineMetrics ?? null,
  };
}

/** The learning loop's page (county admin): the model in use, its versions and figures, and retraining. */
export async function classifierRoutes(app: App): Promise<void> {
  let refresher: NodeJS.Timeout | undefined;
  // The stored model in use is loaded before the first request, then looked for again now and then.
  app.addHook('onReady', async () => {
    await refreshModelInUse(app.db);
    refresher = setInterval(() => {
      refreshModelInUse(app.db).catch((err: unknown) => app.log.error({ err }, 'loading the classifier model in use'));
    }, REFRESH_EVERY_MS);
    refresher.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(refresher);
  });

  app.get('/cases/classifier', { schema: { tags, response: { 200: ZClassifierOverview } } }, async (req) => {
    authorize(req, 'cases.classifier');
    const [versions, corrections, latest] = await Promise.all([
      listModelVersions(app.db),
      countCorrections(app.db),
      latestCorrections(app.db, 20),
    ]);
    return {
      inUse: modelVersionInUse(),
      shipped: shippedMetrics(),
      corrections,
      latestCorrections: latest.map((c) => ({ ...c, correctedAt: c.correctedAt.toISOString() })),
      versions: versions.map(presentVersion),
    };
  });

  app.post(
    '/cases/classifier/retrain',
    { schema: { tags, body: ZRetrainRequest, response: { 200: ZModelVersion } } },
    async (req) => {
      const actor = authorize(req, 'cases.classifier');
      return presentVersion(await retrainNow({ db: app.db, actor }));
    },
  );
}
