import { Tag } from 'antd';
import { useI18n } from '../../../i18n';
import type { AgendaItemView, MeetingStatus, TaskStatus } from './api';

type AgendaSource = AgendaItemView['source'];

const MEETING: Record<
  MeetingStatus,
  { key: 'statusProposed' | 'statusScheduled' | 'statusHeld' | 'statusCancelled'; colour: string }
> = {
  proposed: { key: 'statusProposed', colour: 'gold' },
  scheduled: { key: 'statusScheduled', colour: 'processing' },
  held: { key: 'statusHeld', colour: 'success' },
  cancelled: { key: 'statusCancelled', colour: 'default' },
};

const TASK: Record<TaskStatus, { key: 'taskOpen' | 'taskInProgress' | 'taskDone' | 'taskCancelled'; colour: string }> =
  {
    open: { key: 'taskOpen', colour: 'gold' },
    in_progress: { key: 'taskInProgress', colour: 'processing' },
    done: { key: 'taskDone', colour: 'success' },
    cancelled: { key: 'taskCancelled', colour: 'default' },
  };

const SOURCE: Record<
  AgendaSource,
  {
    key: 'sourceFollowUp' | 'sourceOverdueCase' | 'sourceOpenNeed' | 'sourceDelayedProject' | 'sourceManual';
    colour: string;
  }
> = {
  follow_up: { key: 'sourceFollowUp', colour: 'purple' },
  overdue_case: { key: 'sourceOverdueCase', colour: 'red' },
  open_need: { key: 'sourceOpenNeed', colour: 'cyan' },
  delayed_project: { key: 'sourceDelayedProject', colour: 'orange' },
  manual: { key: 'sourceManual', colour: 'default' },
};

export const TASK_STATUS_LIST = Object.keys(TASK) as TaskStatus[];
export const MEETING_STATUS_LIST = Object.keys(MEETING) as MeetingStatus[];

export function useStatusLabels() {
  const { t } = useI18n();
  return {
    meeting: (s: MeetingStatus) => t(`meetings.${MEETING[s].key}`),
    task: (s: TaskStatus) => t(`meetings.${TASK[s].key}`),
  };
}

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={MEETING[status].colour} data-testid={`meeting-status-${status}`}>
      {t(`meetings.${MEETING[status].key}`)}
    </Tag>
  );
}

export function TaskStatusTag({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={TASK[status].colour}>{t(`meetings.${TASK[status].key}`)}</Tag>
      {overdue && (
        <Tag color="red" data-testid="task-overdue">
          {t('meetings.overdue')}
        </Tag>
      )}
    </span>
  );
}

export function AgendaSourceTag({ source }: { source: AgendaSource }) {
  const { t } = useI18n();
  return (
    <Tag color={SOURCE[source].colour} style={{ marginInlineEnd: 6 }}>
      {t(`meetings.${SOURCE[source].key}`)}
    </Tag>
  );
}
