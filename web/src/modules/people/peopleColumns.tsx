import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PersonView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate } from '../../ui/format';
import { sortOrderOf } from '../../ui/useListParams';

/** The people register's columns; `sort` is the list's current sort, so the sorted header shows its arrow. */
export function usePeopleColumns(sort: string | undefined): TableColumnsType<PersonView> {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('people.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
    },
    { key: 'gender', title: t('people.gender'), render: (_, p) => labelOf('gender', p.gender) },
    {
      key: 'birthDate',
      title: t('people.birthDate'),
      render: (_, p) => formatDate(p.birthDate),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'birthDate'),
      responsive: ['md'],
    },
    {
      key: 'phone',
      title: t('people.phone'),
      render: (_, p) => <span className="mono">{p.phone ?? '—'}</span>,
    },
    {
      key: 'idNumber',
      title: t('people.idNumber'),
      render: (_, p) => <span className="mono">{p.idNumber ?? '—'}</span>,
      responsive: ['lg'],
    },
    { key: 'community', title: t('people.community'), dataIndex: 'communityName', responsive: ['md'] },
    {
      key: 'homeGridCode',
      title: t('people.homeGrid'),
      dataIndex: 'homeGridName',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'homeGridCode'),
      responsive: ['md'],
    },
    {
      key: 'roles',
      title: t('people.roles'),
      responsive: ['lg'],
      render: (_, p) => p.roles.map((r) => <Tag key={r}>{labelOf('personRole', r)}</Tag>),
    },
    {
      key: 'party',
      title: t('people.partyMember'),
      render: (_, p) => (p.partyMemberKind ? <EnumTag group="memberKind" value={p.partyMemberKind} /> : null),
    },
  ];
}
