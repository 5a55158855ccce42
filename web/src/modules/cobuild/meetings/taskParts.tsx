import { Button, type TableColumnsType, Typography } from 'antd';
import { scopeOrgsOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import type { TaskView } from './api';
import { TaskStatusTag } from './MeetingTags';

/**
 * Who may update a resolution task, the same on a meeting's page and in the tasks list: staff (who run the meeting)
 * any task not cancelled; an owner works its task until it is closed, reopening or cancelling is the community's call.
 */
export function useMayUpdateTask(staff: boolean) {
  const { me } = useSession();
  const myUnits = scopeOrgsOf(me, 'unit_admin');
  return (task: TaskView) =>
    task.status !== 'cancelled' && (staff || (myUnits.includes(task.ownerUnitId) && task.status !== 'done'));
}

export function UpdateTaskButton({ task, onClick }: { task: TaskView; onClick: (task: TaskView) => void }) {
  const { t } = useI18n();
  return (
    <Button size="small" onClick={() => onClick(task)} data-testid={`task-update-${task.id}`}>
      {t('meetings.update')}
    </Button>
  );
}

/**
 * The owner, deadline (red when overdue) and status columns of a resolution task, at the widths of their table. On a
 * phone only the status stays beside the task (the deadline from 576 px, the owner from 768 px), so the table fits.
 */
export function taskColumns(
  t: ReturnType<typeof useI18n>['t'],
  widths: { owner: number; deadline: number; status: number },
): TableColumnsType<TaskView> {
  return [
    {
      key: 'owner',
      title: t('meetings.ownerUnit'),
      width: widths.owner,
      responsive: ['md'],
      render: (_, r) => r.ownerUnitName,
    },
    {
      key: 'deadline',
      title: t('meetings.deadline'),
      width: widths.deadline,
      responsive: ['sm'],
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.deadline)}</Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('meetings.taskStatus'),
      width: widths.status,
      render: (_, r) => <TaskStatusTag status={r.status} overdue={r.overdue} />,
    },
  ];
}
