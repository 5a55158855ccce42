import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { JobRun, JobRunList } from '../../api/contracts';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatCountyDateTime } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useIsMobile } from '../../ui/useIsMobile';
import { JobRunCards } from './JobRunCards';
import { countByState, STATE_COLOURS } from './jobRuns';
import { useJobRunColumns } from './jobRunColumns';

/** How often the page asks again while it is open (the jobs run every 200 ms to hourly). */
const REFRESH_MS = 30_000;

/**
 * 后台任务 (county admin): every background job of the server (src/background.jobs.ts) with its state, last run,
 * duration, runs, failures, last error and the process that ran it; refreshed every 30 s and on demand.
 */
export default function JobRunsPage() {
  const { t } = useI18n();
  const jobs = useQuery({
    queryKey: ['job-runs'],
    queryFn: ({ signal }) => api.get<JobRunList>('/job-runs', undefined, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const actions = (
    <Button
      icon={<ReloadOutlined />}
      loading={jobs.isFetching}
      onClick={() => void jobs.refetch()}
      data-testid="job-runs-refresh"
    >
      {t('jobs.refresh')}
    </Button>
  );
  return (
    <ListPage title={t('jobs.title')} actions={actions}>
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      {jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.isPending ? (
        <Loading />
      ) : (
        <JobRunsView list={jobs.data} />
      )}
    </ListPage>
  );
}

function JobRunsView({ list }: { list: JobRunList }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const columns = useJobRunColumns(list.checkedAt);
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="job-runs-summary">
        {countByState(list.items).map((c) => (
          <Tag key={c.state} color={STATE_COLOURS[c.state]}>
            {t(`jobs.states.${c.state}`)} {c.count}
          </Tag>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('jobs.checkedAt', { time: formatCountyDateTime(list.checkedAt) })}
        </Typography.Text>
      </Flex>
      {mobile ? (
        list.items.length ? (
          <JobRunCards items={list.items} checkedAt={list.checkedAt} />
        ) : (
          <EmptyState />
        )
      ) : (
        <Table<JobRun>
          data-testid="job-runs-table"
          rowKey="name"
          size="middle"
          columns={columns}
          dataSource={list.items}
          pagination={false}
          tableLayout="fixed"
          locale={{ emptyText: <EmptyState /> }}
        />
      )}
    </>
  );
}
