import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { auditLog } from '../../../core/audit.schema.js';
import type { CaseDetail, CaseSummary } from '../cases.contracts.js';
import { classify, modelVersionInUse } from './classifier.js';
import type { ClassifierOverview, ModelVersion } from './classifier.contracts.js';
import { categoryCorrections, classifierModels } from './classifier.schema.js';
import { HELDOUT_FILE, loadExamples } from './data.js';
import { packModel } from './model-store.js';
import { trainClassifier } from './train.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function call(method: 'GET' | 'POST', url: string, as: string, payload?: unknown) {
  return ctx.app.inject({ method, url, headers: { cookie: await ctx.cookieFor(as) }, payload: payload as object });
}

async function reportAndAccept(description: string, accept: Record<string, unknown>) {
  const made = await call('POST', '/api/cases', 'hangdong', {
    channel: 'hall',
    description,
    reporterName: '居民',
    lng: 117.331,
    lat: 27.541,
  });
  expect(made.statusCode).toBe(201);
  const c = made.json<CaseSummary>();
  const detail = (await call('GET', `/api/cases/${c.id}`, 'hangdong')).json<CaseDetail>();
  const res = await call('POST', `/api/cases/${c.id}/transitions`, 'hangdong', {
    action: 'accept',
    version: detail.version,
    ...accept,
  });
  return { id: c.id, res };
}

const correctionsOf = (ids: string[]) =>
  ctx.database.db.select().from(categoryCorrections).where(inArray(categoryCorrections.caseId, ids));

/** The version being trained, as the page sees it while the retrain request is still open. */
async function waitForTraining(): Promise<ModelVersion> {
  for (let i = 0; i < 600; i++) {
    const v = (await call('GET', '/api/cases/classifier', 'admin'))
      .json<ClassifierOverview>()
      .versions.find((x) => x.status === 'training');
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no version in training');
}

describe('staff corrections become labelled examples', () => {
  it('stores an accept in another category than the suggestion, with text, both codes, who and when', async () => {
    const text = '杭东小区门口的路灯一到晚上就不亮了，黑乎乎的';
    expect(classify(text).category).toBe('facilities.streetlight');
    const { id, res } = await reportAndAccept(text, { categoryCode: 'property.service' });
    expect(res.statusCode).toBe(200);
    const [row] = await correctionsOf([id]);
    expect(row).toMatchObject({ text, suggestedCode: 'facilities.streetlight', correctedCode: 'property.service' });
    expect(row.correctedByUserId).toBeTruthy();
    expect(row.correctedAt).toBeInstanceOf(Date);
  });

  it('stores nothing when staff accept the suggestion, and nothing when the accept is refused', async () => {
    const agreed = await reportAndAccept('楼道里燃气味道很浓，怕是漏气了', {});
    expect(agreed.res.statusCode).toBe(200);
    const refused = await reportAndAccept('楼下垃圾桶满了没人收', { categoryCode: 'no.such' });
    expect(refused.res.statusCode).toBe(400);
    expect(await correctionsOf([agreed.id, refused.id])).toEqual([]);
  });
});

describe('retraining (county admin)', () => {
  it('is refused to everyone but the county admin', async () => {
    for (const who of ['hangdong', 'grid01', 'resident01']) {
      expect((await call('GET', '/api/cases/classifier', who)).statusCode).toBe(403);
      expect((await call('POST', '/api/cases/classifier/retrain', who, {})).statusCode).toBe(403);
    }
  });

  it('shows the shipped model on the held-out set until a retrain wins', async () => {
    const o = (await call('GET', '/api/cases/classifier', 'admin')).json<ClassifierOverview>();
    expect(o.inUse).toBeNull();
    expect(o.shipped.size).toBe(loadExamples(HELDOUT_FILE).length);
    expect(o.shipped.topLevelTop1).toBeGreaterThan(0.9);
    expect(o.corrections).toBeGreaterThanOrEqual(1);
    expect(o.latestCorrections[0]).toMatchObject({ correctedCode: 'property.service' });
  });

  it('replaces a worse model in use, keeps the old one retired, and audits both steps', async () => {
    // A deliberately weak model in use (two examples per category), as if an earlier version had been poor.
    const weak = trainClassifier(loadExamples().filter((_, i) => i % 25 === 0));
    const [old] = await ctx.database.db
      .insert(classifierModels)
      .values({ status: 'active', requestedAt: new Date('2026-01-01T00:00:00Z'), model: packModel(weak) })
      .returning({ id: classifierModels.id });
    const started = call('POST', '/api/cases/classifier/retrain', 'admin', {});
    const v = await waitForTraining();
    // One retraining at a time; the server answers meanwhile (the training is in a worker thread).
    expect((await call('POST', '/api/cases/classifier/retrain', 'admin', {})).statusCode).toBe(409);
    const answer = await started;
    expect(answer.statusCode).toBe(200);
    const done = answer.json<ModelVersion>();
    expect(done.id).toBe(v.id);
    expect(done.status).toBe('active');
    expect(done.corrections).toBeGreaterThanOrEqual(1);
    expect(done.metrics?.top1).toBeGreaterThan(done.baselineMetrics?.top1 ?? 1);
    expect(done.durationMs).toBeGreaterThan(0);
    const [kept] = await ctx.database.db
      .select({ status: classifierModels.status, model: classifierModels.model })
      .from(classifierModels)
      .where(eq(classifierModels.id, old.id));
    expect(kept.status).toBe('retired');
    expect(kept.model?.length).toBeGreaterThan(0);
    expect(modelVersionInUse()).toBe(v.id);
    expect((await call('GET', '/api/cases/classifier', 'admin')).json<ClassifierOverview>().inUse).toBe(v.id);
    const audits = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'classifier_model'), eq(auditLog.entityId, String(v.id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['classifier.activate', 'classifier.retrain']);
  });

  it('keeps the model in use when the candidate is not better, and records the candidate as rejected', async () => {
    // Now the model in use is the good one just trained: poisoned corrections (every text labelled as pets) must lose.
    const inUse = modelVersionInUse();
    const poison = loadExamples(HELDOUT_FILE)
      .filter((_, i) => i % 4 === 0)
      .map((e) => ({ text: e.text, correctedCode: 'neighbour.pets', correctedAt: new Date() }));
    await insertCorrections(poison);
    const done = (await call('POST', '/api/cases/classifier/retrain', 'admin', {})).json<ModelVersion>();
    expect(done.status).toBe('rejected');
    expect(done.metrics?.top1).toBeLessThan(done.baselineMetrics?.top1 ?? 0);
    expect(modelVersionInUse()).toBe(inUse);
  });

  it('refuses to retrain when nothing is new since the last version, and writes nothing', async () => {
    const before = await ctx.database.db.select({ id: classifierModels.id }).from(classifierModels);
    const res = await call('POST', '/api/cases/classifier/retrain', 'admin', {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await ctx.database.db.select({ id: classifierModels.id }).from(classifierModels)).toEqual(before);
  });
});

/** Corrections need a case each (unique by case): fresh cases are reported for them. */
async function insertCorrections(rows: { text: string; correctedCode: string; correctedAt: Date }[]) {
  for (const r of rows) {
    const made = (
      await call('POST', '/api/cases', 'hangdong', {
        channel: 'hall',
        description: r.text,
        reporterName: '居民',
        lng: 117.331,
        lat: 27.541,
      })
    ).json<CaseSummary>();
    await ctx.database.db.insert(categoryCorrections).values({
      caseId: made.id,
      text: r.text,
      suggestedCode: null,
      correctedCode: r.correctedCode,
      correctedAt: r.correctedAt,
    });
  }
}
