import type { CaseStatus } from '../../api/contracts';
import { labelOf } from '../../i18n';

/** The steps a resident sees, and how far the case has come along them. */
const STEPS = ['reported', 'accepted', 'in_progress', 'resolved', 'closed', 'rated'] as const;
const STEP_OF: Record<CaseStatus, number> = {
  reported: 0,
  rejected: 0,
  accepted: 1,
  dispatched: 2,
  acknowledged: 2,
  in_progress: 2,
  returned: 1,
  reopened: 1,
  resolved: 3,
  verified: 3,
  closed: 4,
  rated: 6,
};

export function Progress({ status }: { status: CaseStatus }) {
  const at = STEP_OF[status];
  return (
    <ol className="m-steps">
      {STEPS.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'now' : ''}>
          <span className="m-step-dot" />
          <span>{labelOf('caseStatus', s)}</span>
        </li>
      ))}
    </ol>
  );
}
