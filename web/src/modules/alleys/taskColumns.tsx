import { Tag, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AlleyTaskState, AlleyTaskView } from '../../api/contracts';
import type { useI18n } from '../../i18n';
import { formatDate } from '../../ui/format';
import { TaskActions } from './TaskActions';

type T = ReturnType<typeof useI18n>['t'];

export const TASK_STATE_COLOUR: Record<AlleyTaskState, string> = {
  open: 'orange',
  done: 'green',
  cancelled: 'default',
};

/** The task's state, and 已逾期 in red for an open task past its due date. */
export function TaskStateTag({ task, t }: { task: AlleyTaskView; t: T }) {
  return (
    <>
      <Tag color={TASK_STATE_COLOUR[task.state]}>{t(`alleyTaskState.${task.state}`)}</Tag>
      {task.overdue ? <Tag color="red">{t('alleys.overdue')}</Tag> : null}
    </>
  );
}

/** One line for a task on the region page: found, due, and how it was closed. */
export function taskLine(task: AlleyTaskView, t: T): string {
  const dates = `${t('alleys.openedAt')} ${formatDate(task.openedAt)} · ${t('alleys.due')} ${formatDate(task.dueOn)}`;
  const closed = closedText(task, t);
  return closed ? `${dates} · ${closed}` : dates;
}

function closedText(task: AlleyTaskView, t: T): string {
  if (task.state === 'open') return '';
  const who = task.closedByInspectionId ? t('alleys.closedByInspection') : (task.note ?? '');
  return `${who}${task.closedAt ? ` · ${formatDate(task.closedAt)}` : ''}${task.closedByName ? ` · ${task.closedByName}` : ''}`;
}

/** Columns of a task table: the region (in the list, not on the region's own page), item, state, dates, actions. */
export function taskColumns(t: T, withRegion: boolean): TableColumnsType<AlleyTaskView> {
  return [
    ...(withRegion
      ? [
          {
            title: t('alleys.region'),
            dataIndex: 'regionName',
            width: 170,
            render: (name: string, r: AlleyTaskView) => (
              <Link to={`/alleys/${r.regionId}`}>
                {r.regionCode} {name}
              </Link>
            ),
          },
          { title: t('alleys.community'), dataIndex: 'communityName', width: 110 },
        ]
      : []),
    { title: t('alleys.item'), dataIndex: 'item', width: 130, render: (i: AlleyTaskView['item']) => t(`sixHave.${i}`) },
    {
      title: t('alleys.state'),
      dataIndex: 'state',
      width: 150,
      render: (_: string, r) => <TaskStateTag task={r} t={t} />,
    },
    { title: t('alleys.openedAt'), dataIndex: 'openedAt', width: 110, render: (d: string) => formatDate(d) },
    { title: t('alleys.due'), dataIndex: 'dueOn', width: 110, render: (d: string) => formatDate(d) },
    {
      title: t('alleys.closed'),
      key: 'closed',
      render: (_: unknown, r) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 260 }}>
          {closedText(r, t)}
        </Typography.Text>
      ),
    },
    { title: '', key: 'actions', width: 190, render: (_: unknown, r) => <TaskActions task={r} /> },
  ];
}
