/**
 * The cases module's public entry: what other modules, the seed and the server may call. Each function lives in the
 * part that owns it (intake/, dispatch/, stats/, the lifecycle writer); this file only names them, so a caller never
 * reaches into a subfolder and the parts can move without touching other modules. Tables are read through
 * cases.schema.ts, scope filters through cases.policy.ts, request and response types through cases.contracts.ts.
 */
export { markCaseAsNeed } from './cases.flags.js';
export { getCaseDetail, getCaseSummary, listCases } from './cases.query.js';
export { transitionCase } from './cases.transition.js';
export { defaultCategoryRows, seedCaseCategories } from './cases.categories.js';
export { reportCase, type IntakeInput } from './intake/intake.js';
export { allCategories } from './cases.categories.js';
export { reassignCase } from './dispatch/reassign.js';
export { URGENT_WHISTLE_MINUTES } from './dispatch/dispatch.js';
export { startCaseSweeper, SWEPT_STATES } from './dispatch/sweep.js';
export { worseOf } from './resident/rating.js';
export { FOLD_EVERY_MS, foldCaseStats } from './stats/rollup.js';
export { rebuildCaseStats } from './stats/stats.js';
export { superviseCase } from './cases.supervise.js';
