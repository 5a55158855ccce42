import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  type CaseAction,
  type CaseRelation,
  type CaseStatus,
  checkTransition,
  type Requirement,
  TRANSITIONS,
  type TransitionInput,
} from './cases.machine.js';
import { CASE_ACTIONS, CASE_STATUSES } from './cases.enums.js';

const RELATIONS: readonly CaseRelation[] = ['county', 'community', 'owner', 'unit', 'reporter'];
const REQUIREMENTS: readonly Requirement[] = ['reason', 'note', 'satisfaction'];

/** A field as a client might send it: absent, null, blank, or filled in. */
const field = fc.constantFrom<string | null | undefined>(undefined, null, '', '   ', '理由', 'satisfied');
const step = fc.record({
  action: fc.constantFrom(...CASE_ACTIONS),
  relations: fc.subarray([...RELATIONS]),
  input: fc.record({ reason: field, note: field, satisfaction: field }),
});

const filled = (v: string | null | undefined) => v !== undefined && v !== null && v.trim() !== '';

/** What the machine should answer, written independently of checkTransition from the TRANSITIONS table. */
function expected(action: CaseAction, status: CaseStatus, relations: readonly CaseRelation[], input: TransitionInput) {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return 'state';
  if (!relations.some((r) => t.by.includes(r))) return 'role';
  if (t.requires.some((f) => !filled(input[f]))) return 'missing';
  return t.to;
}

describe('the case state machine under random sequences', () => {
  it('keeps the status valid, accepts exactly what TRANSITIONS allows, and leaves the status alone on a refusal', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let status: CaseStatus = 'reported';
        for (const { action, relations, input } of steps) {
          const check = checkTransition(action, status, relations, input);
          const want = expected(action, status, relations, input);
          if (check.ok) {
            expect(check.to).toBe(want);
            expect(TRANSITIONS[action].from).toContain(status);
            expect(TRANSITIONS[action].requires.every((f) => filled(input[f]))).toBe(true);
            status = check.to;
          } else {
            expect(check.reason).toBe(want);
            if (check.reason === 'missing') expect(filled(input[check.missing as Requirement])).toBe(false);
          }
          expect(CASE_STATUSES).toContain(status);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('offers as available exactly the actions that would be accepted with every field filled in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.subarray([...RELATIONS]), (status, relations) => {
        const full = { reason: '理由', note: '说明', satisfaction: 'satisfied' };
        const accepted = CASE_ACTIONS.filter((a) => checkTransition(a, status, relations, full).ok);
        expect(availableActions(status, relations)).toEqual(accepted);
      }),
    );
  });

  it('enforces each required field on its own', () => {
    for (const action of CASE_ACTIONS) {
      const t = TRANSITIONS[action];
      for (const missing of t.requires) {
        const input = Object.fromEntries(REQUIREMENTS.map((f) => [f, f === missing ? ' ' : 'x']));
        expect(checkTransition(action, t.from[0], t.by, input)).toEqual({ ok: false, reason: 'missing', missing });
      }
    }
  });

  it('reaches every status from reported, and only rejected is final', () => {
    const seen = new Set<CaseStatus>(['reported']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...seen]) {
        for (const a of availableActions(s, RELATIONS)) {
          if (!seen.has(TRANSITIONS[a].to)) {
            seen.add(TRANSITIONS[a].to);
            grew = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
    expect(CASE_STATUSES.filter((s) => availableActions(s, RELATIONS).length === 0)).toEqual(['rejected']);
  });
});
