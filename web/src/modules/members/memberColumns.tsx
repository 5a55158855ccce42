import type { TableColumnsType } from 'antd';
import type { PartyMemberView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate } from '../../ui/format';
import { sortOrderOf } from '../../ui/useListParams';

/** The Party members register's columns; `sort` is the list's current sort, so the sorted header shows its arrow. */
export function useMemberColumns(sort: string | undefined): TableColumnsType<PartyMemberView> {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('members.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
    },
    {
      key: 'gender',
      title: t('members.gender'),
      render: (_, m) => labelOf('gender', m.gender),
      responsive: ['md'],
    },
    {
      key: 'phone',
      title: t('members.phone'),
      render: (_, m) => <span className="mono">{m.phone ?? '—'}</span>,
      responsive: ['md'],
    },
    {
      key: 'kind',
      title: t('members.kind'),
      render: (_, m) => <EnumTag group="memberKind" value={m.kind} />,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'kind'),
    },
    {
      key: 'unitName',
      title: t('members.unit'),
      dataIndex: 'unitName',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'unitName'),
    },
    { key: 'branch', title: t('members.branch'), dataIndex: 'branchName', responsive: ['lg'] },
    {
      key: 'residence',
      title: t('members.residence'),
      dataIndex: 'residenceCommunityName',
      responsive: ['md'],
    },
    {
      key: 'joinedAt',
      title: t('members.joinedAt'),
      render: (_, m) => formatDate(m.joinedAt),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'joinedAt'),
      responsive: ['lg'],
    },
  ];
}
