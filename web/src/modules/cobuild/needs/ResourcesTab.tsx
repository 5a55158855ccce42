import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { formatDate } from '../../../ui/format';
import { ListSearch } from '../../../ui/ListFilters';
import { useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { KINDS, type ResourceView, useNeedWrites, useResources } from './api';
import { useAmount } from './parts';
import { editDeleteColumn, RecordTable, useRemove } from './RecordTable';
import { ResourceForm } from './ResourceForm';

const FILTERS = ['unitId', 'kind'] as const;

/** 资源清单: what the units offer, how much is already reserved; a unit admin manages its own. */
export function ResourcesTab({ ownUnit }: { ownUnit?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useListParams(FILTERS);
  const query = list.query;
  const resources = useResources(query);
  const { deleteResource } = useNeedWrites();
  const [editing, setEditing] = useState<ResourceView | null | 'new'>(null);
  const canWrite = can('resources.write');
  const remove = useRemove<ResourceView>(deleteResource.mutateAsync);
  const actions = editDeleteColumn<ResourceView>(t, {
    confirm: (r) => t('needs.deleteResourceConfirm', { title: r.title }),
    onEdit: setEditing,
    onDelete: (r) => void remove(r),
  });
  const columns = [...useResourceColumns(), ...(canWrite ? [actions] : [])];
  return (
    <>
      <Flex className="filter-bar" wrap gap={8} style={{ marginBottom: 12 }}>
        {!ownUnit && (
          <OrgSelect
            kind="unit"
            value={list.filters.unitId}
            placeholder={t('needs.unit')}
            onChange={(v) => list.setFilter('unitId', v)}
            style={{ width: 200 }}
          />
        )}
        <Select
          allowClear
          value={list.filters.kind}
          placeholder={t('needs.kind')}
          style={{ width: 120 }}
          onChange={(v) => list.setFilter('kind', v)}
          options={KINDS.map((k) => ({ value: k, label: t(`needs.kinds.${k}`) }))}
          data-testid="resource-kind"
        />
        <ListSearch list={list} placeholder={t('needs.search')} width={200} />
        <span style={{ flex: 1 }} />
        <ExportButton path="/resources/export.xlsx" query={query} fileName="resources.xlsx" />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="resource-create"
          >
            {t('needs.newResource')}
          </Button>
        )}
      </Flex>
      <RecordTable<ResourceView> testId="resources-table" result={resources} list={list} columns={columns} />
      <ResourceForm
        open={editing !== null}
        resource={editing === 'new' ? null : editing}
        ownUnit={ownUnit}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

/** The resources list's columns: unit, title, kind, capacity, reserved so far, period. */
function useResourceColumns(): TableColumnsType<ResourceView> {
  const { t } = useI18n();
  const amount = useAmount();
  return [
    { key: 'unitName', dataIndex: 'unitName', title: t('needs.unit'), sorter: true },
    { key: 'title', dataIndex: 'title', title: t('needs.resourceTitle'), sorter: true },
    { key: 'kind', title: t('needs.kind'), render: (_, r) => t(`needs.kinds.${r.kind}`) },
    {
      key: 'capacity',
      dataIndex: 'capacity',
      title: t('needs.capacity'),
      sorter: true,
      align: 'right',
      render: (_, r) => amount(r.capacity, r.unit),
    },
    {
      key: 'reserved',
      title: t('needs.reserved'),
      responsive: ['sm'],
      render: (_, r) => (
        <div style={{ minWidth: 110 }}>
          <Progress
            size="small"
            percent={Math.round((r.reserved / r.capacity) * 100)}
            format={() => amount(r.reserved, r.unit)}
          />
        </div>
      ),
    },
    {
      key: 'period',
      title: t('needs.period'),
      responsive: ['md'],
      render: (_, r) => `${formatDate(r.availableFrom)} ~ ${formatDate(r.availableTo)}`,
    },
  ];
}
