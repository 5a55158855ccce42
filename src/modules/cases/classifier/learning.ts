/**
 * The learning loop: the county admin asks for a retrain; a worker thread trains a candidate from the shipped set and
 * the staff corrections and checks it beside the model in use (retrain.ts); the candidate becomes the model in use
 * only if it is not worse, and every version is kept with its figures. The database holds the versions, so every
 * process loads the one in use at start and notices a newer one (refreshModelInUse).
 */
import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { modelVersionInUse, shippedModel, useModel } from './classifier.js';
import { classifierModels } from './classifier.schema.js';
import { correctionExamples, countCorrections } from './corrections.js';
import { HELDOUT_FILE, loadExamples } from './data.js';
import { packModel, unpackModel } from './model-store.js';
import type { RetrainOutcome } from './retrain.runner.js';
import { retrainInWorker } from './retrain.runner.js';

/** A training row older than this was left by a process that stopped mid-way: it no longer blocks a retrain. */
const STALE_TRAINING_MS = 30 * 60_000;
/** Progress is written at most this often: the page polls, and a row update per percent is wasted work. */
const PROGRESS_EVERY_MS = 250;

export type ModelVersionRow = Omit<typeof classifierModels.$inferSelect, 'model'>;

const versionColumns = {
  id: classifierModels.id,
  status: classifierModels.status,
  progress: classifierModels.progress,
  requestedByUserId: classifierModels.requestedByUserId,
  requestedAt: classifierModels.requestedAt,
  finishedAt: classifierModels.finishedAt,
  activatedAt: classifierModels.activatedAt,
  shippedExamples: classifierModels.shippedExamples,
  corrections: classifierModels.corrections,
  durationMs: classifierModels.durationMs,
  metrics: classifierModels.metrics,
  baselineMetrics: classifierModels.baselineMetrics,
  error: classifierModels.error,
};

export async function listModelVersions(db: Db, limit = 50): Promise<ModelVersionRow[]> {
  return db.select(versionColumns).from(classifierModels).orderBy(desc(classifierModels.id)).limit(limit);
}

/** Claims the one training slot (a unique index), audited; a second request while one runs is 409. */
async function claimTraining(db: Db, actor: Actor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(classifierModels)
      .set({ status: 'failed', error: 'interrupted', finishedAt: now })
      .where(
        and(
          eq(classifierModels.status, 'training'),
          lt(classifierModels.requestedAt, new Date(now.getTime() - STALE_TRAINING_MS)),
        ),
      );
    const [running] = await tx
      .select({ id: classifierModels.id })
      .from(classifierModels)
      .where(eq(classifierModels.status, 'training'));
    if (running) throw new AppError('CONFLICT', { reason: 'classifier_training_running' });
    // Nothing new to learn since the last finished version (same shipped set, same corrections): retraining would
    // only repeat it. A failed version does not count, so a failure can be retried.
    const shippedExamples = loadExamples().length;
    const corrections = await countCorrections(tx);
    const [latest] = await tx
      .select({ shippedExamples: classifierModels.shippedExamples, corrections: classifierModels.corrections })
      .from(classifierModels)
      .where(inArray(classifierModels.status, ['active', 'retired', 'rejected']))
      .orderBy(desc(classifierModels.id))
      .limit(1);
    if (latest && latest.shippedExamples === shippedExamples && latest.corrections === corrections)
      throw new AppError('CONFLICT', { reason: 'classifier_nothing_new' });
    const [row] = await tx
      .insert(classifierModels)
      .values({ status: 'training', requestedByUserId: actor.userId, requestedAt: now, shippedExamples, corrections })
      .returning({ id: classifierModels.id });
    await recordAudit(tx, {
      actor,
      action: 'classifier.retrain',
      entityType: 'classifier_model',
      entityId: String(row.id),
    });
    return row.id;
  });
}

/** The packed model in use: the stored active version, or the shipped one. */
async function currentPacked(db: Db): Promise<Uint8Array> {
  const [active] = await db
    .select({ model: classifierModels.model })
    .from(classifierModels)
    .where(eq(classifierModels.status, 'active'));
  return active?.model ?? packModel(shippedModel());
}

/** Writes the outcome: the winner becomes the model in use (the old one retired, kept), a loser is kept rejected. */
async function finish(db: Db, actor: Actor, id: number, out: RetrainOutcome): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    if (out.accepted)
      await tx
        .update(classifierModels)
        .set({ status: 'retired' })
        .where(and(eq(classifierModels.status, 'active'), ne(classifierModels.id, id)));
    await tx
      .update(classifierModels)
      .set({
        status: out.accepted ? 'active' : 'rejected',
        progress: 100,
        finishedAt: now,
        activatedAt: out.accepted ? now : null,
        durationMs: out.ms,
        metrics: out.metrics,
        baselineMetrics: out.baselineMetrics,
        model: Buffer.from(out.model),
      })
      .where(eq(classifierModels.id, id));
    await recordAudit(tx, {
      actor,
      action: out.accepted ? 'classifier.activate' : 'classifier.reject',
      entityType: 'classifier_model',
      entityId: String(id),
      after: { metrics: out.metrics, baselineMetrics: out.baselineMetrics, trainSize: out.trainSize },
    });
  });
  if (out.accepted) useModel(unpackModel(out.model), id);
}

async function runJob(db: Db, actor: Actor, id: number): Promise<void> {
  try {
    const shipped = loadExamples();
    const corrections = await correctionExamples(db);
    await db
      .update(classifierModels)
      .set({ shippedExamples: shipped.length, corrections: corrections.length, progress: 1 })
      .where(eq(classifierModels.id, id));
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const out = await retrainInWorker(
      { shipped, corrections, heldOut: loadExamples(HELDOUT_FILE), current: await currentPacked(db) },
      (percent) => {
        const t = performance.now();
        if (t - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = t;
        // Chained, so a slow write never lands after a later one (or after the outcome).
        writing = writing.then(() =>
          db
            .update(classifierModels)
            .set({ progress: Math.max(1, Math.min(99, percent)) })
            .where(and(eq(classifierModels.id, id), eq(classifierModels.status, 'training'))),
        );
      },
    );
    await writing;
    await finish(db, actor, id, out);
  } catch (e) {
    await db
      .update(classifierModels)
      .set({
        status: 'failed',
        error: e instanceof Error ? e.message.slice(0, 500) : 'failed',
        finishedAt: clock.now(),
      })
      .where(eq(classifierModels.id, id))
      .catch(() => {
        // The database is gone (shutdown): the row stays 'training' and goes stale after STALE_TRAINING_MS.
      });
  }
}

/**
 * Retrains and answers with the version's outcome (active, rejected or failed) once it is written. The request
 * waits, but the server keeps answering others meanwhile: the work is in a worker thread, and the page follows the
 * version's progress through GET /api/cases/classifier. Nothing is written after the answer.
 */
export async function retrainNow(opts: { db: Db; actor: Actor }): Promise<ModelVersionRow> {
  const id = await claimTraining(opts.db, opts.actor, clock.now());
  await runJob(opts.db, opts.actor, id);
  const [version] = await opts.db.select(versionColumns).from(classifierModels).where(eq(classifierModels.id, id));
  return version;
}

/**
 * Puts the stored active version in use if it is not the one this process has (at start, then every few seconds
 * from server.ts, so a retrain won in another process reaches this one). With none stored, the shipped model stays.
 */
export async function refreshModelInUse(db: Db): Promise<number | null> {
  const [active] = await db
    .select({ id: classifierModels.id })
    .from(classifierModels)
    .where(eq(classifierModels.status, 'active'));
  if (!active || active.id === modelVersionInUse()) return modelVersionInUse();
  const [row] = await db
    .select({ model: classifierModels.model })
    .from(classifierModels)
    .where(eq(classifierModels.id, active.id));
  if (row?.model) useModel(unpackModel(row.model), active.id);
  return modelVersionInUse();
}
