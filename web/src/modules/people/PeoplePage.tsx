import { useState } from 'react';
import type { PersonView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { PagedTable } from '../../ui/PagedTable';
import { RegisterActions } from '../../ui/RegisterActions';
import { useOpenParam } from '../../ui/useOpenParam';
import { useListParams } from '../../ui/useListParams';
import { peopleKeys, usePeopleList } from './api';
import { usePeopleColumns } from './peopleColumns';
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

  const columns = usePeopleColumns(list.sort);
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
        columns={columns}
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
