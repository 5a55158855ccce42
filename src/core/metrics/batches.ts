/**
 * Batched writes report here, so that metrics can count them without the writer knowing about Prometheus: cases
 * intake's group commit (modules/cases/intake/intake.write.ts) calls intakeBatchWritten after each batch, and an app
 * with metrics on (core/metrics/collectors.ts) listens on its database handle. With no listener the call is one
 * WeakMap lookup.
 */
import type { Db } from '../db.js';

export type IntakeBatchListener = (cases: number, seconds: number, ok: boolean) => void;

const listeners = new WeakMap<Db, Set<IntakeBatchListener>>();

/** Listens to the intake batches written on `db`; returns the function that stops listening. */
export function onIntakeBatch(db: Db, listener: IntakeBatchListener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** One batch of `cases` reports written in `seconds`; ok false when the batch statement failed (it is then split). */
export function intakeBatchWritten(db: Db, cases: number, seconds: number, ok: boolean): void {
  const set = listeners.get(db);
  if (set) for (const listener of set) listener(cases, seconds, ok);
}
