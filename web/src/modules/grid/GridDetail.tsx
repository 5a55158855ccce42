import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { GridDetail as GridDetailView, GridDutyView, PersonView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate, formatNumber } from '../../ui/format';
import { EmptyState, LoadError } from '../../ui/states';
import { useGridDuties, useGridResidents } from './api';

interface Props {
  grid: GridDetailView;
  /** The map already shows this grid's children. */
  drilled: boolean;
  onSelect: (id: string) => void;
  onDrill: (id: string) => void;
}

/** A grid: code, level, where it sits, who is on duty there and who lives there. */
export function GridDetail({ grid, drilled, onSelect, onDrill }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const duties = useGridDuties(grid.id);
  const [page, setPage] = useState(1);
  const residents = useGridResidents(grid.id, page, can('people.read'));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <EnumTag group="gridLevel" value={grid.level} />
        <EnumTag group="gridKind" value={grid.kind} />
        {grid.childCount > 0 && !drilled && (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<ApartmentOutlined />}
            onClick={() => onDrill(grid.id)}
            data-testid="grid-drill"
          >
            {t('grid.drillIn')}
          </Button>
        )}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={[
          { key: 'code', label: t('grid.code'), children: <span className="mono">{grid.code}</span> },
          { key: 'community', label: t('grid.community'), children: grid.communityName },
          {
            key: 'path',
            label: t('grid.path'),
            children: grid.path.length ? (
              <Breadcrumb
                items={grid.path.map((p) => ({ key: p.id, title: <a onClick={() => onSelect(p.id)}>{p.name}</a> }))}
              />
            ) : (
              '—'
            ),
          },
          { key: 'children', label: t('grid.childCount'), children: formatNumber(grid.childCount) },
          { key: 'people', label: t('grid.peopleCount'), children: formatNumber(grid.peopleCount) },
        ]}
      />

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

      {can('people.read') && (
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
      )}
    </>
  );
}
