/**
 * A suggestion's life in the demo: the community handles it itself — its grid worker takes it, answers in time
 * (mostly) and solves it; some are rejected, returned, fail verification, or are reopened by an unsatisfied reporter.
 * The order of the generator's draws is the demo: reordering them changes every case after.
 */
import type { CaseInsert, Lifecycle } from './cases-lifecycle.js';
import { REJECT_REASONS, SATISFACTION_WEIGHTS, SUGGESTION_ODDS } from './cases-plan.js';
import type { CaseActor, CommunityPlace } from './cases-world.js';
import {
  type CaseFlow,
  closeAfterVerify,
  closeUnrated,
  type Go,
  rate,
  raterOf,
  resolutionNote,
  stepUntil,
  supervise,
} from './demo-cases-flow.js';
import type { CategoryInfo, Special } from './demo-cases-types.js';

interface SuggestionCase {
  flow: CaseFlow;
  lc: Lifecycle;
  row: CaseInsert;
  category: CategoryInfo;
  admin: CaseActor;
  owner: CaseActor;
  go: Go;
  /** The resolve step; it records resolvedAt when taken. */
  resolve: (at: Date) => boolean;
  /** The reporter never rates it (the sweep closes it). */
  unrated: boolean;
}

export function handleSuggestion(
  flow: CaseFlow,
  lc: Lifecycle,
  category: CategoryInfo,
  community: CommunityPlace,
  owner: CaseActor,
  special: Special,
): void {
  const { rng } = flow;
  const row = lc.row;
  const resolve = (at: Date) => {
    const ok = lc.step('resolve', 'resolved', at, owner, { note: resolutionNote(rng, category.code) });
    if (ok) row.resolvedAt = lc.at;
    return ok;
  };
  const c: SuggestionCase = {
    flow,
    lc,
    row,
    category,
    admin: community.admin,
    owner,
    go: stepUntil(lc, special.stopAfter),
    resolve,
    unrated: special.unrated === true,
  };
  if (special.stopAfter === 'reported') return;
  // The draw is taken as for any case, so the cases after it stay as they were.
  if (!special.stopAfter && rng.chance(SUGGESTION_ODDS.rejected) && !special.unrated) {
    lc.step('reject', 'rejected', lc.after(15, 240), owner, { note: rng.pick(REJECT_REASONS) });
    return;
  }
  if (!takeIn(c)) return;
  if (!acknowledge(c, special)) return;
  if (!solveAndClose(c)) return;
  rateAndMaybeReopen(c);
}

/** Accepted and dispatched within the grid; sometimes returned once for another grid. Urgent ones at once. */
function takeIn({ flow, lc, category, admin, owner, go }: SuggestionCase): boolean {
  const urgent = category.priority === 'urgent';
  const accepted = go('accept', 'accepted', urgent ? lc.after(5, 30) : lc.after(10, 180), owner, {
    data: { categoryCode: category.code },
  });
  if (!accepted) return false;
  const dispatched = go('dispatch', 'dispatched', urgent ? lc.after(3, 20) : lc.after(5, 60), owner, {
    note: '网格内自行办理',
    data: { unitIds: [] },
  });
  if (!dispatched) return false;
  if (flow.rng.chance(SUGGESTION_ODDS.returned)) {
    if (!go('return', 'returned', lc.after(60, 400), owner, { note: '问题位置在相邻网格，退回重新指派' })) return false;
    if (!go('dispatch', 'dispatched', lc.after(20, 240), admin, { data: { unitIds: [] } })) return false;
  }
  return true;
}

/** Acknowledged before the response limit, or late and then supervised. */
function acknowledge({ flow, lc, row, owner }: SuggestionCase, special: Special): boolean {
  const late = flow.rng.chance(SUGGESTION_ODDS.lateResponse);
  const ackAt = late ? lc.workingAfter(row.responseDueAt, 30, 600) : lc.before(row.responseDueAt);
  const acked = lc.step('acknowledge', 'acknowledged', ackAt, owner);
  if (acked) row.acknowledgedAt = lc.at;
  if (row.acknowledgedAt && row.acknowledgedAt > row.responseDueAt) supervise(flow, row, row.responseDueAt);
  return acked && lc.status !== special.stopAfter;
}

/** Started, resolved (some overdue, some failing verification once), verified and closed. */
function solveAndClose({ flow, lc, row, admin, owner, go, resolve }: SuggestionCase): boolean {
  const { rng } = flow;
  if (!go('start', 'in_progress', lc.after(10, 300), owner)) return false;
  const overdue = rng.chance(SUGGESTION_ODDS.overdue);
  const resolveAt = overdue
    ? lc.workingAfter(row.resolutionDueAt, 60, 4 * 420)
    : lc.before(row.resolutionDueAt, 0.15, 0.8);
  if (overdue && flow.end > row.resolutionDueAt) supervise(flow, row, row.resolutionDueAt);
  if (!resolve(resolveAt)) return false;
  if (rng.chance(SUGGESTION_ODDS.failVerification)) {
    if (!go('fail_verification', 'reopened', lc.after(60, 600), admin, { note: '回访核实发现问题仍未解决' }))
      return false;
    row.resolvedAt = null;
    if (!go('dispatch', 'dispatched', lc.after(10, 120), admin, { data: { unitIds: [] } })) return false;
    if (!go('acknowledge', 'acknowledged', lc.after(10, 200), owner)) return false;
    if (!go('start', 'in_progress', lc.after(10, 200), owner)) return false;
    if (!resolve(lc.after(120, 1200))) return false;
  }
  if (!go('verify', 'verified', lc.after(60, 900), admin)) return false;
  return closeAfterVerify(lc, admin, go);
}

/** Some are rated; an unsatisfied reporter sometimes reopens, and the second round ends better. */
function rateAndMaybeReopen({ flow, lc, row, admin, owner, resolve, unrated }: SuggestionCase): void {
  const { rng } = flow;
  if (!rng.chance(SUGGESTION_ODDS.rated) || unrated) {
    closeUnrated(flow, lc);
    return;
  }
  const { rater, byReporter } = raterOf(row, admin);
  if (
    rate(rng, lc, rater, byReporter, SATISFACTION_WEIGHTS.suggestion) !== 'unsatisfied' ||
    !rng.chance(SUGGESTION_ODDS.reopenWhenUnsatisfied)
  )
    return;
  if (!lc.step('reopen', 'reopened', lc.hoursAfter(2, 48), rater, { note: '居民对处理结果不满意，要求重新办理' }))
    return;
  // A new round: the first rating stays (case_ratings, and the case's counted satisfaction).
  Object.assign(row, { resolvedAt: null, closedAt: null });
  if (!lc.step('dispatch', 'dispatched', lc.after(10, 240), admin, { data: { unitIds: [] } })) return;
  if (!lc.step('acknowledge', 'acknowledged', lc.after(10, 240), owner)) return;
  if (!lc.step('start', 'in_progress', lc.after(10, 240), owner)) return;
  if (!resolve(lc.after(240, 1500))) return;
  if (!lc.step('verify', 'verified', lc.after(60, 600), admin)) return;
  if (!closeAfterVerify(lc, admin, (...step) => lc.step(...step))) return;
  rate(rng, lc, rater, byReporter, [80, 20, 0]);
}
