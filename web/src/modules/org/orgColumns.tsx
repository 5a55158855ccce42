import { type TableColumnsType, Tag } from 'antd';
import type { OrganisationView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatNumber } from '../../ui/format';
import { sortOrderOf } from '../../ui/useListParams';

/** The organisation list's columns; `sort` is the list's current sort, so the sorted header shows its arrow. */
export function useOrgColumns(sort: string | undefined): TableColumnsType<OrganisationView> {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('org.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
    },
    {
      key: 'kind',
      title: t('org.kind'),
      render: (_, r) => <EnumTag group="orgKind" value={r.kind} />,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'kind'),
    },
    {
      key: 'code',
      title: t('org.code'),
      dataIndex: 'code',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'code'),
      responsive: ['md'],
    },
    { key: 'parent', title: t('org.parent'), dataIndex: 'parentName', responsive: ['lg'] },
    {
      key: 'strengths',
      title: t('org.strengths'),
      responsive: ['lg'],
      render: (_, r) => r.strengths.map((s) => <Tag key={s}>{labelOf('strength', s)}</Tag>),
    },
    {
      key: 'memberCount',
      title: t('org.memberCount'),
      align: 'right',
      render: (_, r) => formatNumber(r.memberCount),
    },
    {
      key: 'population',
      title: t('org.population'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'population'),
      render: (_, r) => formatNumber(r.population),
      responsive: ['md'],
    },
  ];
}
