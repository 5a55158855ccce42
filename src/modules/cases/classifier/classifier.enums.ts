/**
 * The classifier's value lists (the learning loop's model versions). Imports nothing: the schema's pgEnum, the zod
 * contracts and the web read the same list.
 *
 * A model version is `training` while its worker runs; then `active` (the one in use; at most one), `rejected`
 * (scored worse than the model in use on the held-out set, kept for the record) or `failed`; an active model
 * replaced by a better one becomes `retired` and is kept, so it can be compared with (and its figures read) later.
 */
export const CLASSIFIER_MODEL_STATUSES = ['training', 'active', 'retired', 'rejected', 'failed'] as const;
export type ClassifierModelStatus = (typeof CLASSIFIER_MODEL_STATUSES)[number];
