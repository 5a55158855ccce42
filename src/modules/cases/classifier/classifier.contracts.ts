import { z } from 'zod';
import { CLASSIFIER_MODEL_STATUSES } from './classifier.enums.js';

/** Held-out figures (fractions 0–1) over `size` texts: sub-category and top-level, top-1 and top-3. */
export const ZModelMetrics = z.object({
  size: z.number().int(),
  top1: z.number(),
  top3: z.number(),
  topLevelTop1: z.number(),
  topLevelTop3: z.number(),
});

export const ZModelVersion = z.object({
  id: z.number().int(),
  status: z.enum(CLASSIFIER_MODEL_STATUSES),
  progress: z.number().int(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  shippedExamples: z.number().int(),
  corrections: z.number().int(),
  durationMs: z.number().int().nullable(),
  /** This version, and the model in use when it was checked, on the same held-out texts. */
  metrics: ZModelMetrics.nullable(),
  baselineMetrics: ZModelMetrics.nullable(),
  error: z.string().nullable(),
});
export type ModelVersion = z.infer<typeof ZModelVersion>;

export const ZCorrection = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  suggestedCode: z.string().nullable(),
  correctedCode: z.string(),
  correctedAt: z.string(),
});

export const ZClassifierOverview = z.object({
  /** The stored version in use; null while the shipped model is. */
  inUse: z.number().int().nullable(),
  /** The shipped model on the hand-written held-out set. */
  shipped: ZModelMetrics,
  corrections: z.number().int(),
  latestCorrections: z.array(ZCorrection),
  versions: z.array(ZModelVersion),
});
export type ClassifierOverview = z.infer<typeof ZClassifierOverview>;

export const ZRetrainRequest = z.strictObject({});
