import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { formatDate, formatNumber } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type ServiceDayView, useServiceDays } from './api';
import { KindTags, StatusTag } from './DayTags';
import type { DayListParams } from './daysList';

/** The service days of the filters, server-paged; a row opens the day. */
export function DayTable({ list }: { list: DayListParams }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab: _tab, ...query } = list.query;
  const days = useServiceDays(query);
  if (days.isError) return <LoadError error={days.error} onRetry={() => void days.refetch()} />;
  if (days.isPending) return <Loading />;
  return (
    <Table<ServiceDayView>
      data-testid="service-days-table"
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={days.isFetching}
      dataSource={days.data.items}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/cobuild/service-days/${r.id}`),
          'data-testid': `day-row-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: days.data.total,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={[
        {
          key: 'date',
          title: t('servicedays.date'),
          render: (_, d) => (
            <>
              <div>{formatDate(d.date)}</div>
              <Typography.Text type="secondary">
                {d.startTime}–{d.endTime}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'community',
          title: t('servicedays.community'),
          // On a phone the community gives way to the theme (the county's filter names it).
          responsive: ['sm'],
          render: (_, d) => d.communityName,
        },
        {
          key: 'theme',
          title: t('servicedays.theme'),
          render: (_, d) => (
            <>
              <div>{d.theme}</div>
              <KindTags codes={d.kindCodes} max={3} />
            </>
          ),
        },
        { key: 'status', title: t('servicedays.status'), render: (_, d) => <StatusTag status={d.status} /> },
        {
          key: 'signups',
          title: t('servicedays.signups'),
          align: 'right',
          responsive: ['md'],
          render: (_, d) => formatNumber(d.signupCount),
        },
        {
          key: 'checkins',
          title: `${t('servicedays.checkins')} / ${t('servicedays.headcount')}`,
          align: 'right',
          responsive: ['md'],
          render: (_, d) => `${formatNumber(d.checkinCount)} / ${formatNumber(d.headcountPromised)}`,
        },
        {
          key: 'served',
          title: t('servicedays.peopleServed'),
          align: 'right',
          responsive: ['lg'],
          render: (_, d) => formatNumber(d.peopleServed),
        },
      ]}
    />
  );
}
