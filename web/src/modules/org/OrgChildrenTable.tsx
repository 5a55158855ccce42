import { Table } from 'antd';
import type { OrganisationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatNumber } from '../../ui/format';
import { EmptyState, LoadError } from '../../ui/states';
import type { useOrgChildren } from './api';

/** The organisations directly under one, each opening on click (loaded by the detail, beside the organisation). */
export function OrgChildrenTable({
  result: children,
  onSelect,
}: {
  result: ReturnType<typeof useOrgChildren>;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return children.isError ? (
    <LoadError error={children.error} compact onRetry={() => void children.refetch()} />
  ) : (
    <Table<OrganisationView>
      size="small"
      rowKey="id"
      loading={children.isLoading}
      dataSource={children.data?.items ?? []}
      pagination={false}
      className="clickable-rows"
      locale={{ emptyText: <EmptyState description={t('org.noChildren')} /> }}
      onRow={(r) => ({ onClick: () => onSelect(r.id) })}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('org.name'), dataIndex: 'name' },
        { key: 'kind', title: t('org.kind'), render: (_, r) => <EnumTag group="orgKind" value={r.kind} /> },
        { key: 'code', title: t('org.code'), dataIndex: 'code', responsive: ['md'] },
        {
          key: 'members',
          title: t('org.memberCount'),
          align: 'right',
          render: (_, r) => formatNumber(r.memberCount),
        },
      ]}
    />
  );
}
