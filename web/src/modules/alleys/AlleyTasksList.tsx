import { Checkbox, Select, Table, Typography } from 'antd';
import { ALLEY_TASK_STATES, type AlleyTaskView, TASK_DUE_DAYS } from '../../api/contracts';
import { seesWholeCounty } from '../../auth/access';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { type ListParams, useListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';
import { useTasks } from './api';
import { taskColumns } from './taskColumns';

const FILTERS = ['state', 'overdue', 'communityId', 'regionId'] as const;
type TaskList = ListParams<(typeof FILTERS)[number]>;

/**
 * 整改任务 (the 背街小巷 page's second view): the tasks of the regions the user sees, open first by due date;
 * filtered by state, overdue and community (the county). Closing and cancelling are offered where the server allows.
 */
export function AlleyTasksList({ switcher }: { switcher: React.ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useListParams(FILTERS);
  const tasks = useTasks(list.query);
  const active = ['state', 'overdue', 'communityId', 'regionId'].filter(
    (k) => list.filters[k as (typeof FILTERS)[number]],
  ).length;
  return (
    <ListPage
      title={t('alleys.title')}
      actions={switcher}
      filters={<TaskFilters list={list} byCommunity={seesWholeCounty(me)} />}
      activeFilters={active}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('alleys.taskRule', { days: TASK_DUE_DAYS })}
      </Typography.Paragraph>
      {tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.isPending ? (
        <Loading />
      ) : (
        <Table<AlleyTaskView>
          data-testid="alley-tasks-table"
          rowKey="id"
          size="middle"
          loading={tasks.isFetching}
          dataSource={tasks.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <EmptyState description={t('alleys.noTasks')} /> }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: tasks.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={taskColumns(t, true)}
        />
      )}
    </ListPage>
  );
}

function TaskFilters({ list, byCommunity }: { list: TaskList; byCommunity: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Select
        className="filter-auto"
        value={list.filters.state ?? ''}
        onChange={(v) => list.setFilter('state', v || undefined)}
        options={[
          { value: '', label: t('alleys.allStates') },
          ...ALLEY_TASK_STATES.map((s) => ({ value: s, label: t(`alleyTaskState.${s}`) })),
        ]}
        data-testid="alley-task-state"
      />
      {byCommunity ? (
        <OrgSelect
          kind="community"
          value={list.filters.communityId}
          placeholder={t('alleys.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          testId="alley-task-community"
        />
      ) : null}
      <Checkbox
        checked={list.filters.overdue === 'true'}
        onChange={(e) => list.setFilter('overdue', e.target.checked ? 'true' : undefined)}
        data-testid="alley-task-overdue"
      >
        {t('alleys.overdueOnly')}
      </Checkbox>
    </>
  );
}
