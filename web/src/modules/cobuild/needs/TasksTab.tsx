import { Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDate } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { useListParams } from '../../../ui/useListParams';
import { type NeedTaskView, TASK_STATUSES, useNeedTasks, useNeedWrites } from './api';
import { TaskStatusTag, useAmount } from './parts';
import { TaskActions } from './TaskActions';
import { ToProjectModal } from './ToProjectModal';

const FILTERS = ['status'] as const;

/** Moves a task to another status (the unit works it), with a toast. */
function useMoveTask() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { updateTask } = useNeedWrites();
  return async (task: NeedTaskView, status: string) => {
    try {
      await updateTask.mutateAsync({ id: task.id, status, version: task.version });
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
}

/** Follow-up tasks of accepted matches: the unit works them; community staff can turn one into a co-building project. */
export function TasksTab() {
  const { t } = useI18n();
  const amount = useAmount();
  const mobile = useIsMobile();
  const list = useListParams(FILTERS);
  const tasks = useNeedTasks(list.query);
  const [toProject, setToProject] = useState<NeedTaskView | null>(null);
  const move = useMoveTask();
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={list.filters.status}
          placeholder={t('needs.status')}
          style={{ width: 120 }}
          onChange={(v) => list.setFilter('status', v)}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`needs.task.statuses.${s}`) }))}
          data-testid="task-status"
        />
      </Flex>
      {tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<NeedTaskView>
          data-testid="tasks-table"
          rowKey="id"
          size="small"
          loading={tasks.isFetching}
          dataSource={tasks.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: tasks.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={[
            {
              key: 'title',
              title: t('needs.task.title'),
              render: (_, x) => (
                <div style={{ maxWidth: 300 }}>
                  {x.title}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {x.communityName}
                  </Typography.Text>
                  {mobile && (
                    <Flex vertical gap={4} style={{ marginTop: 4 }}>
                      <span>
                        <TaskStatusTag value={x.status} overdue={x.overdue} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {x.ownerUnitName} · {formatDate(x.dueOn)}
                        </Typography.Text>
                      </span>
                      <TaskActions task={x} onMove={move} onProject={setToProject} />
                    </Flex>
                  )}
                </div>
              ),
            },
            { key: 'owner', title: t('needs.task.owner'), dataIndex: 'ownerUnitName', responsive: ['sm'] },
            {
              key: 'amount',
              title: t('needs.task.amount'),
              align: 'right',
              responsive: ['sm'],
              render: (_, x) => amount(x.amount, x.unit),
            },
            { key: 'due', title: t('needs.task.due'), responsive: ['sm'], render: (_, x) => formatDate(x.dueOn) },
            {
              key: 'status',
              title: t('needs.status'),
              responsive: ['sm'],
              render: (_, x) => <TaskStatusTag value={x.status} overdue={x.overdue} />,
            },
            {
              key: 'actions',
              title: t('needs.actions'),
              responsive: ['sm'],
              render: (_, x) => <TaskActions task={x} onMove={move} onProject={setToProject} />,
            },
          ]}
        />
      )}
      <ToProjectModal task={toProject} onClose={() => setToProject(null)} />
    </>
  );
}
