import { Button, Flex, Input, List, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { scopeOrgsOf, seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { formatDate } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { type TaskStatus, type TaskView, useTasks } from './api';
import { TASK_STATUS_LIST, TaskStatusTag, useStatusLabels } from './MeetingTags';
import { TaskUpdateModal } from './TaskUpdateModal';

/**
 * Resolution tasks with their overdue flags, filters and export. The server scopes the list (a unit admin gets its
 * own unit's tasks); the update button shows where the user may act: staff on every visible task, a unit admin on its own.
 */
export function MeetingTasksList({ year }: { year: number }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const labels = useStatusLabels();
  const list = useListParams(['status', 'overdue', 'communityId', 'ownerUnitId'] as const);
  const query = { ...list.query, year };
  const q = useTasks(query);
  const [editing, setEditing] = useState<TaskView | null>(null);
  const [search, setSearch] = useState(list.q);
  const staff = can('meetings.write');
  const myUnits = scopeOrgsOf(me, 'unit_admin');
  // An owner works its task until it is closed; reopening or cancelling is the community's call.
  const mayUpdate = (task: TaskView) =>
    task.status !== 'cancelled' && (staff || (myUnits.includes(task.ownerUnitId) && task.status !== 'done'));
  const mobile = useIsMobile();
  const updateButton = (r: TaskView) =>
    mayUpdate(r) ? (
      <Button size="small" onClick={() => setEditing(r)} data-testid={`task-update-${r.id}`}>
        {t('meetings.update')}
      </Button>
    ) : null;
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
  const county = seesWholeCounty(me);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }} align="center">
        <Input.Search
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
          allowClear
          placeholder={t('meetings.searchTasks')}
          style={{ width: 220 }}
          data-testid="tasks-search"
        />
        <Select<TaskStatus>
          allowClear
          value={list.filters.status as TaskStatus | undefined}
          onChange={(v) => list.setFilter('status', v)}
          placeholder={t('meetings.allStatuses')}
          style={{ width: 120 }}
          options={TASK_STATUS_LIST.map((s) => ({ value: s, label: labels.task(s) }))}
          data-testid="tasks-status"
        />
        {county && (
          <OrgSelect
            kind="community"
            value={list.filters.communityId}
            onChange={(v) => list.setFilter('communityId', v)}
            placeholder={t('meetings.community')}
            style={{ width: 150 }}
          />
        )}
        {staff && (
          <OrgSelect
            kind="unit"
            value={list.filters.ownerUnitId}
            onChange={(v) => list.setFilter('ownerUnitId', v)}
            placeholder={t('meetings.allUnits')}
            style={{ width: 180 }}
          />
        )}
        <Flex gap={6} align="center">
          <Switch
            size="small"
            checked={list.filters.overdue === 'true'}
            onChange={(v) => list.setFilter('overdue', v ? 'true' : undefined)}
            data-testid="tasks-overdue"
          />
          <span>{t('meetings.onlyOverdue')}</span>
        </Flex>
        <ExportButton path="/meeting-tasks/export.xlsx" query={query} fileName="meeting-tasks.xlsx" />
      </Flex>
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
            { key: 'owner', title: t('meetings.ownerUnit'), width: 170, render: (_, r) => r.ownerUnitName },
            {
              key: 'deadline',
              title: t('meetings.deadline'),
              width: 110,
              render: (_, r) => (
                <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.deadline)}</Typography.Text>
              ),
            },
            {
              key: 'status',
              title: t('meetings.taskStatus'),
              width: 150,
              render: (_, r) => <TaskStatusTag status={r.status} overdue={r.overdue} />,
            },
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
