import { Flex, Select, Switch } from 'antd';
import type { Query } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ListSearch } from '../../../ui/ListFilters';
import type { ListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import type { TaskStatus } from './api';
import { TASK_STATUS_LIST, useStatusLabels } from './MeetingTags';

export const TASK_FILTERS = ['status', 'overdue', 'communityId', 'ownerUnitId'] as const;
export type TaskListParams = ListParams<(typeof TASK_FILTERS)[number]>;

/** The tasks list's filter bar: search, status, community (county staff), owner unit (staff), overdue, export. */
export function TaskFilters({
  list,
  query,
  county,
  staff,
}: {
  list: TaskListParams;
  /** What the export sends: the list's filters and the year. */
  query: Query;
  county: boolean;
  staff: boolean;
}) {
  const { t } = useI18n();
  const labels = useStatusLabels();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 8 }} align="center">
      <ListSearch list={list} placeholder={t('meetings.searchTasks')} width={220} trim testId="tasks-search" />
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
  );
}
