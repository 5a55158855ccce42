import { Tag } from 'antd';
import { useState } from 'react';
import type { PersonView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { PagedTable } from '../../ui/PagedTable';
import { RegisterActions } from '../../ui/RegisterActions';
import { useOpenParam } from '../../ui/useOpenParam';
import { sortOrderOf, useListParams } from '../../ui/useListParams';
import { peopleKeys, usePeopleList } from './api';
import { PEOPLE_FILTERS, PeopleFilters } from './PeopleFilters';
import { PersonDrawer } from './PersonDrawer';
import { PersonFormModal, type PersonFormTarget } from './PersonFormModal';

/** 人员: residents, volunteers, grid workers… with filters, masked numbers, detail, edit, import and export. */
export default function PeoplePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useListParams(PEOPLE_FILTERS);
  const people = usePeopleList(list.query);
  const [openId, open] = useOpenParam('person');
  const [form, setForm] = useState<PersonFormTarget | null>(null);

  const active = [list.q, ...Object.values(list.filters)].filter(Boolean).length;
  const actions = (
    <RegisterActions
      create={can('people.write') ? { onClick: () => setForm({ mode: 'create' }), testId: 'person-create' } : undefined}
      importer={
        can('people.import')
          ? {
              basePath: '/people',
              what: t('importer.people'),
              templateName: 'people-template.xlsx',
              invalidates: peopleKeys.all,
            }
          : undefined
      }
      exporter={{ path: '/people/export.xlsx', query: list.query, fileName: 'people.xlsx' }}
    />
  );

  return (
    <ListPage
      title={t('people.title')}
      actions={actions}
      filters={<PeopleFilters list={list} />}
      activeFilters={active}
    >
      <PagedTable<PersonView>
        result={people}
        list={list}
        testId="people-table"
        rowTestId="person-row"
        onOpen={(r) => open(r.id)}
        columns={[
          {
            key: 'name',
            title: t('people.name'),
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortOrderOf(list.sort, 'name'),
          },
          { key: 'gender', title: t('people.gender'), render: (_, p) => labelOf('gender', p.gender) },
          {
            key: 'birthDate',
            title: t('people.birthDate'),
            render: (_, p) => formatDate(p.birthDate),
            sorter: true,
            sortOrder: sortOrderOf(list.sort, 'birthDate'),
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
            sortOrder: sortOrderOf(list.sort, 'homeGridCode'),
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
        ]}
      />
      <PersonDrawer personId={openId} onClose={() => open(null)} onEdit={(p) => setForm({ mode: 'edit', person: p })} />
      <PersonFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(p) => {
          setForm(null);
          open(p.id);
        }}
      />
    </ListPage>
  );
}
