import { countyWallClock } from '../../../ui/clock';
import { Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { type UnitSummary, useUnitSummaries } from './api';

/** Per unit: sign-ups, promised headcount, days attended, check-ins and distinct members, for a year. */
export function UnitSummaryTable() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => countyWallClock().getFullYear());
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<string | undefined>();
  const rows = useUnitSummaries({ year, ...page, sort });
  if (rows.isError) return <LoadError error={rows.error} onRetry={() => void rows.refetch()} />;
  const sorter = (field: string) => ({
    sorter: true,
    sortOrder: sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null,
    key: field,
  });
  return (
    <>
      <Select
        value={year}
        onChange={(v) => {
          setYear(v);
          setPage({ ...page, page: 1 });
        }}
        style={{ width: 100, marginBottom: 8 }}
        options={[2025, 2026, 2027].map((y) => ({ value: y, label: String(y) }))}
      />
      <Table<UnitSummary>
        data-testid="unit-summary-table"
        rowKey="unitId"
        size="middle"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: <EmptyState /> }}
        scroll={{ x: 'max-content' }}
        onChange={(p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          setSort(one?.order ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : undefined);
          setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('servicedays.unit'), dataIndex: 'unitName', ...sorter('unitName') },
          {
            title: t('servicedays.unitSignups'),
            align: 'right',
            render: (_, r) => formatNumber(r.signups),
            ...sorter('signups'),
          },
          {
            title: t('servicedays.headcount'),
            align: 'right',
            responsive: ['md'],
            render: (_, r) => formatNumber(r.headcountPromised),
          },
          {
            title: t('servicedays.unitDays'),
            align: 'right',
            render: (_, r) => formatNumber(r.daysAttended),
            ...sorter('daysAttended'),
          },
          {
            title: t('servicedays.unitCheckins'),
            align: 'right',
            render: (_, r) => formatNumber(r.checkins),
            ...sorter('checkins'),
          },
          {
            title: t('servicedays.unitMembers'),
            align: 'right',
            responsive: ['md'],
            render: (_, r) => formatNumber(r.members),
          },
        ]}
      />
    </>
  );
}
