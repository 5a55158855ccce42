import { useState } from 'react';
import type { PartyMemberView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { PagedTable } from '../../ui/PagedTable';
import { RegisterActions } from '../../ui/RegisterActions';
import { useOpenParam } from '../../ui/useOpenParam';
import { useListParams } from '../../ui/useListParams';
import { memberKeys, useMemberList } from './api';
import { useMemberColumns } from './memberColumns';
import { MemberDrawer } from './MemberDrawer';
import { MEMBER_FILTERS, MemberFilters } from './MemberFilters';
import { MemberFormModal, type MemberFormTarget } from './MemberFormModal';

/** 党员: in-service, mobile, retired and ordinary members, by unit, branch and residence community. */
export default function MembersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useListParams(MEMBER_FILTERS);
  const members = useMemberList(list.query);
  const [openId, open] = useOpenParam('member');
  const [form, setForm] = useState<MemberFormTarget | null>(null);

  const columns = useMemberColumns(list.sort);
  const active = [list.q, ...Object.values(list.filters)].filter(Boolean).length;
  const actions = (
    <RegisterActions
      create={
        can('members.write') ? { onClick: () => setForm({ mode: 'create' }), testId: 'member-create' } : undefined
      }
      importer={
        can('members.import')
          ? {
              basePath: '/party-members',
              what: t('importer.members'),
              templateName: 'party-members-template.xlsx',
              invalidates: memberKeys.all,
            }
          : undefined
      }
      exporter={{ path: '/party-members/export.xlsx', query: list.query, fileName: 'party-members.xlsx' }}
    />
  );

  return (
    <ListPage
      title={t('members.title')}
      actions={actions}
      filters={<MemberFilters list={list} />}
      activeFilters={active}
    >
      <PagedTable<PartyMemberView>
        result={members}
        list={list}
        testId="members-table"
        rowTestId="member-row"
        onOpen={(r) => open(r.id)}
        columns={columns}
      />
      <MemberDrawer memberId={openId} onClose={() => open(null)} onEdit={(m) => setForm({ mode: 'edit', member: m })} />
      <MemberFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(m) => {
          setForm(null);
          open(m.id);
        }}
      />
    </ListPage>
  );
}
