import { CASE_ACTIONS, type CaseAction, type CaseStatus } from './cases.enums.js';

export type { CaseAction, CaseStatus } from './cases.enums.js';

/**
 * How the actor stands to a case; the service works these out (grid scope, community, dispatch, reporter),
 * the machine only says which relations may fire which transition.
 */
export type CaseRelation = 'county' | 'community' | 'owner' | 'unit' | 'reporter';

/** Fields a transition cannot do without (checked before anything is written). */
export type Requirement = 'reason' | 'note' | 'satisfaction';

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: readonly CaseRelation[];
  requires: readonly Requirement[];
}

const STAFF: readonly CaseRelation[] = ['county', 'community', 'owner'];
const ASSIGNEES: readonly CaseRelation[] = ['owner', 'unit', 'community', 'county'];

/** The lifecycle of DESIGN §1 (after GB/T 30428), as data. */
export const TRANSITIONS: Record<CaseAction, Transition> = {
  accept: { from: ['reported'], to: 'accepted', by: STAFF, requires: [] },
  reject: { from: ['reported'], to: 'rejected', by: STAFF, requires: ['reason'] },
  dispatch: { from: ['accepted', 'returned', 'reopened'], to: 'dispatched', by: STAFF, requires: [] },
  acknowledge: { from: ['dispatched'], to: 'acknowledged', by: ASSIGNEES, requires: [] },
  start: { from: ['acknowledged'], to: 'in_progress', by: ASSIGNEES, requires: [] },
  resolve: { from: ['acknowledged', 'in_progress'], to: 'resolved', by: ASSIGNEES, requires: ['note'] },
  return: {
    from: ['dispatched', 'acknowledged', 'in_progress'],
    to: 'returned',
    by: ['owner', 'unit'],
    requires: ['reason'],
  },
  verify: { from: ['resolved'], to: 'verified', by: STAFF, requires: [] },
  fail_verification: { from: ['resolved'], to: 'reopened', by: STAFF, requires: ['reason'] },
  // A verified case goes to its reporter: their rating closes it (verified → rated). The community closes (办结) only
  // what its reporter cannot rate (no login: hall and door-to-door reports), and may then record a phone-visit
  // rating; what a reporter leaves unrated is closed by the sweep (resident/rating.ts, resident/autoclose.ts).
  close: { from: ['verified'], to: 'closed', by: ['county', 'community'], requires: [] },
  rate: {
    from: ['verified', 'closed'],
    to: 'rated',
    by: ['reporter', 'community', 'owner', 'county'],
    requires: ['satisfaction'],
  },
  reopen: { from: ['rated'], to: 'reopened', by: ['reporter', 'community', 'county'], requires: ['reason'] },
};

/** States a case can no longer leave (a reopened rating leaves 'rated' through 'reopen'). */
export const FINAL_STATES: readonly CaseStatus[] = ['rejected'];

export type TransitionCheck =
  | { ok: true; to: CaseStatus }
  | { ok: false; reason: 'state' | 'role' | 'missing'; missing?: Requirement };

export interface TransitionInput {
  reason?: string | null;
  note?: string | null;
  satisfaction?: string | null;
}

export function checkTransition(
  action: CaseAction,
  status: CaseStatus,
  relations: readonly CaseRelation[],
  input: TransitionInput,
): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, reason: 'state' };
  if (!t.by.some((r) => relations.includes(r))) return { ok: false, reason: 'role' };
  for (const field of t.requires) {
    const value = input[field];
    if (value === undefined || value === null || String(value).trim() === '')
      return { ok: false, reason: 'missing', missing: field };
  }
  return { ok: true, to: t.to };
}

/** The actions this actor could take now: the case page shows only these buttons. */
export function availableActions(status: CaseStatus, relations: readonly CaseRelation[]): CaseAction[] {
  return CASE_ACTIONS.filter(
    (a) => TRANSITIONS[a].from.includes(status) && TRANSITIONS[a].by.some((r) => relations.includes(r)),
  );
}
