import { Tag, Timeline, Typography } from 'antd';
import type { CaseDispatch, CaseEvent } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';

const COLOURS: Record<string, string> = {
  report: 'gold',
  reject: 'gray',
  resolve: 'green',
  verify: 'green',
  close: 'green',
  close_unrated: 'gray',
  rate: 'green',
  return: 'orange',
  fail_verification: 'red',
  reopen: 'red',
  escalate: 'red',
  supervise: 'red',
  dispatch: 'blue',
  acknowledge: 'blue',
  unit_done: 'green',
  unit_return: 'orange',
  unit_decline: 'orange',
};

function satisfactionOf(data: unknown): string | null {
  if (data && typeof data === 'object' && 'satisfaction' in data && typeof data.satisfaction === 'string')
    return data.satisfaction;
  return null;
}

/** A unit's step names its dispatch row's unit (the server folds the case transition it caused into it). */
function unitOf(data: unknown, units: ReadonlyMap<string, string>): string | null {
  if (data && typeof data === 'object' && 'unitId' in data && typeof data.unitId === 'string')
    return units.get(data.unitId) ?? null;
  return null;
}

/** 办理过程: every event of the case, oldest first — who, when, what (for a unit's step: which unit), the note. */
export function CaseTimeline({ events, dispatches = [] }: { events: CaseEvent[]; dispatches?: CaseDispatch[] }) {
  const { t } = useI18n();
  const units = new Map(dispatches.map((d) => [d.unitId, d.unitName]));
  return (
    <div data-testid="case-timeline">
      <Timeline
        items={events.map((e) => {
          const s = satisfactionOf(e.data);
          const unit = e.action.startsWith('unit_') ? unitOf(e.data, units) : null;
          return {
            key: e.id,
            color: COLOURS[e.action] ?? 'blue',
            content: (
              <div className="timeline-item" data-testid={`case-event-${e.action}`}>
                <div>
                  <Typography.Text strong>{labelOf('caseEvent', e.action)}</Typography.Text>
                  {unit && <Typography.Text> · {unit}</Typography.Text>}
                  {e.toStatus &&
                    e.toStatus !== e.fromStatus &&
                    labelOf('caseStatus', e.toStatus) !== labelOf('caseEvent', e.action) && (
                      <Tag style={{ marginInlineStart: 8 }}>{labelOf('caseStatus', e.toStatus)}</Tag>
                    )}
                  {s && <Tag color={s === 'unsatisfied' ? 'red' : 'green'}>{labelOf('satisfaction', s)}</Tag>}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actorName ?? t('cases.actorSystem')}
                </Typography.Text>
                {e.note && <div className="timeline-note">{e.note}</div>}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
