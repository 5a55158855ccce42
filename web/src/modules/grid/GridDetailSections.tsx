import { TeamOutlined } from '@ant-design/icons';
import { Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { GridDetail as GridDetailView, GridDutyView, PersonView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate } from '../../ui/format';
import { EmptyState, LoadError } from '../../ui/states';
import { useGridDuties, useGridResidents } from './api';

/** 按格定岗: who is on duty in the grid, with role, phone and since when. */
export function GridDuties({ gridId }: { gridId: string }) {
  const { t } = useI18n();
  const duties = useGridDuties(gridId);
  return (
    <>
      <div className="section-title">{t('grid.duties')}</div>
      {duties.isError ? (
        <LoadError error={duties.error} compact onRetry={() => void duties.refetch()} />
      ) : (
        <Table<GridDutyView>
          size="small"
          rowKey="id"
          pagination={false}
          loading={duties.isLoading}
          dataSource={duties.data?.items ?? []}
          data-testid="grid-duties"
          locale={{ emptyText: <EmptyState description={t('grid.noDuties')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'role', title: t('grid.dutyRole'), render: (_, d) => <EnumTag group="dutyRole" value={d.role} /> },
            { key: 'person', title: t('grid.dutyPerson'), dataIndex: 'personName' },
            {
              key: 'phone',
              title: t('grid.dutyPhone'),
              render: (_, d) => <span className="mono">{d.personPhone ?? '—'}</span>,
            },
            { key: 'since', title: t('grid.dutySince'), render: (_, d) => formatDate(d.since) },
          ]}
        />
      )}
    </>
  );
}

/** The grid's residents, ten a page, with a link to the people register filtered to the grid (people.read only). */
export function GridResidents({ grid }: { grid: GridDetailView }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const residents = useGridResidents(grid.id, page, true);
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} className="section-title">
        <span>{t('grid.residents')}</span>
        <Link to={`/people?gridId=${grid.id}&communityId=${grid.communityId}`}>
          <TeamOutlined /> {t('common.view')}
        </Link>
      </Space>
      {residents.isError ? (
        <Typography.Text type="secondary">{t('grid.peopleUnavailable')}</Typography.Text>
      ) : (
        <Table<PersonView>
          size="small"
          rowKey="id"
          loading={residents.isFetching}
          dataSource={residents.data?.items ?? []}
          data-testid="grid-residents"
          locale={{ emptyText: <EmptyState description={t('grid.noResidents')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: 10,
            total: residents.data?.total ?? 0,
            size: 'small',
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            { key: 'name', title: t('people.name'), dataIndex: 'name' },
            { key: 'gender', title: t('people.gender'), render: (_, p) => labelOf('gender', p.gender) },
            {
              key: 'phone',
              title: t('people.phone'),
              render: (_, p) => <span className="mono">{p.phone ?? '—'}</span>,
            },
            { key: 'grid', title: t('people.homeGrid'), dataIndex: 'homeGridName' },
          ]}
        />
      )}
    </>
  );
}
