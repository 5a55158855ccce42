import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PartyMemberView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { ExportButton } from '../../ui/ExportButton';
import { formatDate } from '../../ui/format';
import { ImportDialog } from '../../ui/LazyImportDialog';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { sortOrderOf, sortParam, useListParams } from '../../ui/useListParams';
import { memberKeys, useMemberList } from './api';
import { MemberDrawer } from './MemberDrawer';
import { MEMBER_FILTERS, MemberFilters } from './MemberFilters';
import { MemberFormModal, type MemberFormTarget } from './MemberFormModal';

/** 党员: in-service, mobile, retired and ordinary members, by unit, branch and residence community. */
export default function MembersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const qc = useQueryClient();
  const list = useListParams(MEMBER_FILTERS);
  const members = useMemberList(list.query);
  const [sp, setSp] = useSearchParams();
  const openId = sp.get('member');
  const [form, setForm] = useState<MemberFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const open = (id: string | null) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('member', id);
      else next.delete('member');
      return next;
    });

  const active = [list.q, ...Object.values(list.filters)].filter(Boolean).length;
  const actions = (
    <>
      {can('members.write') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setForm({ mode: 'create' })}
          data-testid="member-create"
        >
          {t('common.create')}
        </Button>
      )}
      {can('members.import') && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
          {t('common.import')}
        </Button>
      )}
      <ExportButton path="/party-members/export.xlsx" query={list.query} fileName="party-members.xlsx" />
    </>
  );

  return (
    <ListPage
      title={t('members.title')}
      actions={actions}
      filters={<MemberFilters list={list} />}
      activeFilters={active}
    >
      {members.isError ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.isPending ? (
        <Loading />
      ) : (
        <Table<PartyMemberView>
          data-testid="members-table"
          rowKey="id"
          size="middle"
          className="clickable-rows"
          loading={members.isFetching}
          dataSource={members.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          onRow={(r) =>
            ({ onClick: () => open(r.id), 'data-testid': `member-row-${r.id}` }) as HTMLAttributes<HTMLElement>
          }
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.setSort(sortParam(s?.columnKey, s?.order));
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: members.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={[
            {
              key: 'name',
              title: t('members.name'),
              dataIndex: 'name',
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'name'),
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
              sortOrder: sortOrderOf(list.sort, 'kind'),
            },
            {
              key: 'unitName',
              title: t('members.unit'),
              dataIndex: 'unitName',
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'unitName'),
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
              sortOrder: sortOrderOf(list.sort, 'joinedAt'),
              responsive: ['lg'],
            },
          ]}
        />
      )}
      <MemberDrawer memberId={openId} onClose={() => open(null)} onEdit={(m) => setForm({ mode: 'edit', member: m })} />
      <MemberFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(m) => {
          setForm(null);
          open(m.id);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        basePath="/party-members"
        what={t('importer.members')}
        templateName="party-members-template.xlsx"
        onImported={() => void qc.invalidateQueries({ queryKey: memberKeys.all })}
      />
    </ListPage>
  );
}
