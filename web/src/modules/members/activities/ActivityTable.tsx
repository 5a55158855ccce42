import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { countyDay, type PostActivityView, timeRange, useActivities } from './api';
import { ActivityStateTag, useTypeName } from './ActivityTags';
import type { ActivityListParams } from './activitiesList';

/** The activities of the filters by start, server-paged; a row opens the activity. */
export function ActivityTable({ list }: { list: ActivityListParams }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const typeName = useTypeName();
  const { tab: _tab, week: _week, ...query } = list.query;
  // Latest first (the coming two weeks, then today, then what was held); a column's sort overrides it.
  const rows = useActivities({ ...query, sort: query.sort ?? '-startsAt' });
  if (rows.isError) return <LoadError error={rows.error} onRetry={() => void rows.refetch()} />;
  if (rows.isPending) return <Loading />;
  return (
    <Table<PostActivityView>
      data-testid="post-activities-table"
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={rows.isFetching}
      dataSource={rows.data.items}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/post-activities/${r.id}`),
          'data-testid': `activity-row-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: rows.data.total,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={[
        {
          key: 'date',
          title: t('postActivities.date'),
          render: (_, a) => (
            <>
              <div>{countyDay(a.startsAt)}</div>
              <Typography.Text type="secondary">{timeRange(a)}</Typography.Text>
            </>
          ),
        },
        {
          key: 'title',
          title: t('postActivities.activity'),
          render: (_, a) => (
            <>
              <div>{a.title}</div>
              <Typography.Text type="secondary">
                {typeName(a)}
                {a.gridName ? ` · ${a.gridName}` : ''}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'community',
          title: t('postActivities.community'),
          responsive: ['md'],
          render: (_, a) => a.communityName,
        },
        { key: 'place', title: t('postActivities.place'), responsive: ['lg'], render: (_, a) => a.place },
        { key: 'state', title: t('postActivities.state'), render: (_, a) => <ActivityStateTag state={a.state} /> },
        {
          key: 'signups',
          title: `${t('postActivities.signups')} / ${t('postActivities.capacity')}`,
          align: 'right',
          render: (_, a) => `${formatNumber(a.signupCount)} / ${formatNumber(a.capacity)}`,
        },
        {
          key: 'checkedIn',
          title: t('postActivities.checkedIn'),
          align: 'right',
          responsive: ['md'],
          render: (_, a) => formatNumber(a.checkedInCount),
        },
        {
          key: 'noShows',
          title: t('postActivities.noShows'),
          align: 'right',
          responsive: ['md'],
          render: (_, a) => (a.noShowCount ? <Typography.Text type="danger">{a.noShowCount}</Typography.Text> : 0),
        },
      ]}
    />
  );
}
