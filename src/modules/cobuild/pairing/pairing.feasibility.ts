import { AppError } from '../../../core/errors.js';
import type { Compiled } from './pairing.model.js';

/**
 * Necessary conditions checked before the solver runs, each naming the one constraint that cannot be met, so the
 * admin reads "社区单位数下限之和 96 大于需分配的结对数 83" rather than "infeasible". Passing them does not prove
 * feasibility: when HiGHS still finds none, pairing.solver.ts relaxes constraint families to say which one is at fault.
 */
export function assertPinsConsistent(cp: Compiled): void {
  for (let j = 0; j < cp.U * cp.C; j++) {
    if (cp.pinned[j] && cp.forbidden[j]) {
      throw new AppError('PAIRING_PIN_FORBIDDEN', {
        unit: unitName(cp, Math.floor(j / cp.C)),
        community: communityName(cp, j % cp.C),
      });
    }
  }
}

const unitName = (cp: Compiled, u: number) => cp.problem.units[u].name;
const communityName = (cp: Compiled, c: number) => cp.problem.communities[c].name;

function assertTotals(cp: Compiled): void {
  const { bounds, k } = cp.problem;
  const pairs = cp.U * k;
  const base = { communities: cp.C, units: cp.U, k, pairs };
  if (cp.C * bounds.minUnits > pairs)
    throw new AppError('PAIRING_MIN_UNITS_TOO_HIGH', { ...base, total: cp.C * bounds.minUnits, min: bounds.minUnits });
  if (cp.C * bounds.maxUnits < pairs)
    throw new AppError('PAIRING_MAX_UNITS_TOO_LOW', { ...base, total: cp.C * bounds.maxUnits, max: bounds.maxUnits });
  const available = k * cp.totalHeadcount;
  if (cp.C * bounds.minMembers > available)
    throw new AppError('PAIRING_MIN_MEMBERS_TOO_HIGH', {
      total: cp.C * bounds.minMembers,
      available,
      min: bounds.minMembers,
      communities: cp.C,
    });
  if (cp.C * bounds.maxMembers < available)
    throw new AppError('PAIRING_MAX_MEMBERS_TOO_LOW', {
      total: cp.C * bounds.maxMembers,
      available,
      max: bounds.maxMembers,
      communities: cp.C,
    });
  const sorted = [...cp.headcount].sort((a, b) => b - a);
  const best = sorted.slice(0, bounds.maxUnits).reduce((s, h) => s + h, 0);
  if (best < bounds.minMembers)
    throw new AppError('PAIRING_MIN_MEMBERS_UNREACHABLE', { min: bounds.minMembers, maxUnits: bounds.maxUnits, best });
  const least = sorted.slice(-Math.max(0, bounds.minUnits)).reduce((s, h) => s + h, 0);
  if (bounds.minUnits > 0 && least > bounds.maxMembers)
    throw new AppError('PAIRING_MAX_MEMBERS_UNREACHABLE', { max: bounds.maxMembers, minUnits: bounds.minUnits, least });
}

function assertUnits(cp: Compiled): void {
  const k = cp.problem.k;
  for (let u = 0; u < cp.U; u++) {
    let pinned = 0;
    let allowed = 0;
    for (let c = 0; c < cp.C; c++) {
      pinned += cp.pinned[u * cp.C + c];
      allowed += cp.forbidden[u * cp.C + c] ? 0 : 1;
    }
    if (pinned > k) throw new AppError('PAIRING_UNIT_OVERPINNED', { unit: unitName(cp, u), pinned, k });
    if (allowed < k) throw new AppError('PAIRING_K_TOO_HIGH', { unit: unitName(cp, u), available: allowed, k });
  }
}

/** A unit already pinned to k communities is not available to any other community. */
function unitsFull(cp: Compiled): Uint8Array {
  const full = new Uint8Array(cp.U);
  for (let u = 0; u < cp.U; u++) {
    let pinned = 0;
    for (let c = 0; c < cp.C; c++) pinned += cp.pinned[u * cp.C + c];
    full[u] = pinned >= cp.problem.k ? 1 : 0;
  }
  return full;
}

function assertCommunities(cp: Compiled): void {
  const { bounds } = cp.problem;
  const full = unitsFull(cp);
  for (let c = 0; c < cp.C; c++) {
    let pins = 0;
    let pinnedMembers = 0;
    let available = 0;
    let availableMembers = 0;
    for (let u = 0; u < cp.U; u++) {
      const j = u * cp.C + c;
      if (cp.pinned[j]) {
        pins += 1;
        pinnedMembers += cp.headcount[u];
      }
      if (cp.pinned[j] || (!cp.forbidden[j] && !full[u])) {
        available += 1;
        availableMembers += cp.headcount[u];
      }
    }
    const community = communityName(cp, c);
    if (pins > bounds.maxUnits)
      throw new AppError('PAIRING_COMMUNITY_PINS_OVER_MAX', { community, pinned: pins, max: bounds.maxUnits });
    if (pinnedMembers > bounds.maxMembers)
      throw new AppError('PAIRING_COMMUNITY_PINNED_MEMBERS', {
        community,
        pinned: pinnedMembers,
        max: bounds.maxMembers,
      });
    if (available < bounds.minUnits)
      throw new AppError('PAIRING_COMMUNITY_UNDERSUPPLIED', { community, available, min: bounds.minUnits });
    if (availableMembers < bounds.minMembers)
      throw new AppError('PAIRING_COMMUNITY_MEMBERS_SHORT', {
        community,
        available: availableMembers,
        min: bounds.minMembers,
      });
  }
}

/** Throws the first necessary condition that fails (pins against forbids first: that is a 400, the rest 422). */
export function assertFeasibleBounds(cp: Compiled): void {
  assertPinsConsistent(cp);
  assertUnits(cp);
  assertTotals(cp);
  assertCommunities(cp);
}
