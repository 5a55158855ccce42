import type { ReactNode } from 'react';
import type { CaseStatus } from '../api/contracts';
import { labelOf } from '../i18n';

export function Spinner({ full = false }: { full?: boolean }) {
  return (
    <div className={full ? 'm-spinner-full' : 'm-spinner-box'}>
      <span className="m-spinner" aria-hidden />
    </div>
  );
}

const STATUS_TONE: Record<CaseStatus, string> = {
  reported: 'wait',
  accepted: 'work',
  rejected: 'off',
  dispatched: 'work',
  acknowledged: 'work',
  in_progress: 'work',
  resolved: 'done',
  verified: 'done',
  closed: 'done',
  rated: 'done',
  returned: 'work',
  reopened: 'warn',
};

export function StatusChip({ status }: { status: CaseStatus }) {
  return (
    <span className={`m-chip m-chip-${STATUS_TONE[status]}`} data-status={status}>
      {labelOf('caseStatus', status)}
    </span>
  );
}

export function Card({
  title,
  children,
  extra,
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="m-card" data-testid={testId}>
      {(title || extra) && (
        <div className="m-card-head">
          <h2>{title}</h2>
          {extra}
        </div>
      )}
      {children}
    </section>
  );
}
