/**
 * A trained model as stored in classifier_models.model: gzip'd JSON (≈ 3–4 MB for 38 classes; the JSON is ≈ 3×
 * that). JSON keeps every float exactly, so a stored model scores exactly as it did when it was checked.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ModelJson } from './model.js';

export function packModel(model: ModelJson): Buffer {
  return gzipSync(JSON.stringify(model), { level: 6 });
}

export function unpackModel(bytes: Uint8Array): ModelJson {
  const model = JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelJson;
  // A truncated or foreign blob must not become the classifier every intake uses.
  if (
    (model.kind !== 'softmax' && model.kind !== 'naive-bayes') ||
    !Array.isArray(model.classes) ||
    !Array.isArray(model.vocab) ||
    model.vocab.length !== model.idf.length
  )
    throw new Error('stored classifier model is not a model');
  return model;
}
