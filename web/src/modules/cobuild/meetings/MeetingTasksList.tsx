import { Flex, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { useListParams } from '../../../ui/useListParams';
import { type TaskView, useTasks } from './api';
import { TaskStatusTag } from './MeetingTags';
import { TASK_FILTERS, TaskFilters } from './TaskFilters';
import { TaskUpdateModal } from './TaskUpdateModal';
import { taskColumns, UpdateTaskButton, useMayUpdateTask } from './taskParts';

/**
 * Resolution tasks with their overdue flags, filters and export. The server scopes the list (a unit admin gets its
 * own unit's tasks); the update button shows where the user may act: staff on every visible task, a unit admin on its own.
 */
export function MeetingTasksList({ year }: { year: number }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(TASK_FILTERS);
  const query = { ...list.query, year };
  const q = useTasks(query);
  const [editing, setEditing] = useState<TaskView | null>(null);
  const staff = can('meetings.write');
  const mayUpdate = useMayUpdateTask(staff);
  const mobile = useIsMobile();
  const updateButton = (r: TaskView) => (mayUpdate(r) ? <UpdateTaskButton task={r} onClick={setEditing} /> : null);
  const meetingLink = (r: TaskView) => (
    <Link to={`/cobuild/meetings/${r.meetingId}`} style={{ fontSize: 12 }}>
      {r.communityName} · {t('meetings.quarterShort', { quarter: r.quarter })} {r.meetingDate}
    </Link>
  );
  const pagination = {
    current: list.page,
    pageSize: list.pageSize,
    total: q.data?.total ?? 0,
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: (p: number, s: number) => list.setPage(p, s),
  };

  return (
    <>
      <TaskFilters list={list} query={query} county={seesWholeCounty(me)} staff={staff} />
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : mobile ? (
        <List<TaskView>
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          pagination={{ ...pagination, size: 'small' }}
          data-testid="tasks-list"
          locale={{ emptyText: <EmptyState /> }}
          renderItem={(r) => (
            <List.Item extra={updateButton(r)}>
              <Flex vertical gap={4}>
                <span>{r.content}</span>
                {meetingLink(r)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.ownerUnitName} · {t('meetings.deadline')} {formatDate(r.deadline)}
                </Typography.Text>
                <TaskStatusTag status={r.status} overdue={r.overdue} />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<TaskView>
          rowKey="id"
          size="small"
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          scroll={{ x: 760 }}
          data-testid="tasks-table"
          locale={{ emptyText: <EmptyState /> }}
          pagination={pagination}
          columns={[
            {
              key: 'content',
              title: t('meetings.resolutionContent'),
              render: (_, r) => (
                <Flex vertical gap={2}>
                  <span>{r.content}</span>
                  {meetingLink(r)}
                </Flex>
              ),
            },
            ...taskColumns(t, { owner: 170, deadline: 110, status: 150 }),
            {
              key: 'completed',
              title: t('meetings.completedOn'),
              width: 110,
              responsive: ['lg'],
              render: (_, r) => formatDate(r.completedOn),
            },
            { key: 'actions', title: t('common.actions'), width: 90, render: (_, r) => updateButton(r) },
          ]}
        />
      )}
      <TaskUpdateModal task={editing} staff={staff} onClose={() => setEditing(null)} />
    </>
  );
}
