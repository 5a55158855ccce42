import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Progress, Select, Table } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { formatDate } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { sortParam, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { KINDS, type ResourceView, useNeedWrites, useResources } from './api';
import { ResourceForm } from './ResourceForm';
import { useAmount } from './parts';

const FILTERS = ['unitId', 'kind'] as const;

/** 资源清单: what the units offer, how much is already reserved; a unit admin manages its own. */
export function ResourcesTab({ ownUnit }: { ownUnit?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const feedback = useFeedback();
  const amount = useAmount();
  const list = useListParams(FILTERS);
  const query = list.query;
  const resources = useResources(query);
  const { deleteResource } = useNeedWrites();
  const [editing, setEditing] = useState<ResourceView | null | 'new'>(null);
  const canWrite = can('resources.write');
  const remove = async (r: ResourceView) => {
    try {
      await deleteResource.mutateAsync(r.id);
      feedback.success(t('common.deleted'));
    } catch (err) {
      feedback.error(err);
    }
  };
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
        <Input.Search
          allowClear
          defaultValue={list.q}
          placeholder={t('needs.search')}
          onSearch={(v) => list.setFilter('q', v)}
          style={{ width: 200 }}
        />
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
      {resources.isError ? (
        <LoadError error={resources.error} onRetry={() => void resources.refetch()} />
      ) : (
        <Table<ResourceView>
          data-testid="resources-table"
          rowKey="id"
          size="small"
          loading={resources.isFetching}
          dataSource={resources.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          onChange={(_p, _f, s) => {
            const one = Array.isArray(s) ? s[0] : s;
            list.setSort(sortParam(one?.field, one?.order));
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: resources.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={[
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
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('needs.actions'),
                    render: (_: unknown, r: ResourceView) => (
                      <Flex gap={4}>
                        <Button size="small" type="link" onClick={() => setEditing(r)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('needs.deleteResourceConfirm', { title: r.title })}
                          onConfirm={() => void remove(r)}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                        >
                          <Button size="small" type="link" danger>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <ResourceForm
        open={editing !== null}
        resource={editing === 'new' ? null : editing}
        ownUnit={ownUnit}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
