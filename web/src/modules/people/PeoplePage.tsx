import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PersonView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { ExportButton } from '../../ui/ExportButton';
import { formatDate } from '../../ui/format';
import { ImportDialog } from '../../ui/LazyImportDialog';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { sortOrderOf, sortParam, useListParams } from '../../ui/useListParams';
import { peopleKeys, usePeopleList } from './api';
import { PEOPLE_FILTERS, PeopleFilters } from './PeopleFilters';
import { PersonDrawer } from './PersonDrawer';
import { PersonFormModal, type PersonFormTarget } from './PersonFormModal';

/** 人员: residents, volunteers, grid workers… with filters, masked numbers, detail, edit, import and export. */
export default function PeoplePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const qc = useQueryClient();
  const list = useListParams(PEOPLE_FILTERS);
  const people = usePeopleList(list.query);
  const [sp, setSp] = useSearchParams();
  const openId = sp.get('person');
  const [form, setForm] = useState<PersonFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const open = (id: string | null) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('person', id);
      else next.delete('person');
      return next;
    });

  const active = [list.q, ...Object.values(list.filters)].filter(Boolean).length;
  const actions = (
    <>
      {can('people.write') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setForm({ mode: 'create' })}
          data-testid="person-create"
        >
          {t('common.create')}
        </Button>
      )}
      {can('people.import') && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
          {t('common.import')}
        </Button>
      )}
      <ExportButton path="/people/export.xlsx" query={list.query} fileName="people.xlsx" />
    </>
  );

  return (
    <ListPage
      title={t('people.title')}
      actions={actions}
      filters={<PeopleFilters list={list} />}
      activeFilters={active}
    >
      {people.isError ? (
        <LoadError error={people.error} onRetry={() => void people.refetch()} />
      ) : people.isPending ? (
        <Loading />
      ) : (
        <Table<PersonView>
          data-testid="people-table"
          rowKey="id"
          size="middle"
          className="clickable-rows"
          loading={people.isFetching}
          dataSource={people.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          onRow={(r) =>
            ({ onClick: () => open(r.id), 'data-testid': `person-row-${r.id}` }) as HTMLAttributes<HTMLElement>
          }
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.setSort(sortParam(s?.columnKey, s?.order));
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
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
      )}
      <PersonDrawer personId={openId} onClose={() => open(null)} onEdit={(p) => setForm({ mode: 'edit', person: p })} />
      <PersonFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(p) => {
          setForm(null);
          open(p.id);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        basePath="/people"
        what={t('importer.people')}
        templateName="people-template.xlsx"
        onImported={() => void qc.invalidateQueries({ queryKey: peopleKeys.all })}
      />
    </ListPage>
  );
}
