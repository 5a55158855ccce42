import { App as AntApp, Button, Select, Table, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { COMMITTEE_ROLES as ROLES } from '../../../../../src/modules/cobuild/pairing/pairing.enums';
import type { Committee, CommitteeMember } from './api';

/** A community's 大党委 roster; an editor changes roles and removes members (confirmed first) in place. */
export function RosterTable({
  committee: r,
  editable,
  onUpdate,
}: {
  committee: Committee;
  editable: boolean;
  onUpdate: (m: CommitteeMember, patch: { role?: CommitteeMember['role']; removed?: boolean }) => void;
}) {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  return (
    <Table<CommitteeMember>
      size="small"
      rowKey="key"
      dataSource={r.members}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('pairing.committee.none') }}
      columns={[
        {
          key: 'role',
          title: t('pairing.committee.role'),
          width: 150,
          render: (_: unknown, m) =>
            editable ? (
              <Select
                size="small"
                value={m.role}
                style={{ width: 130 }}
                onChange={(role) => onUpdate(m, { role })}
                options={ROLES.map((x) => ({ value: x, label: t(`pairing.committee.${x}`) }))}
              />
            ) : (
              t(`pairing.committee.${m.role}`)
            ),
        },
        { key: 'name', title: t('pairing.committee.name'), dataIndex: 'name' },
        { key: 'unit', title: t('pairing.committee.unit'), render: (_: unknown, m) => m.unitName ?? r.communityName },
        {
          key: 'title',
          title: t('pairing.committee.title'),
          dataIndex: 'title',
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'origin',
          title: '',
          width: 90,
          render: (_: unknown, m) => <Tag>{t(`pairing.committee.origin.${m.origin}`)}</Tag>,
        },
        ...(editable
          ? [
              {
                key: 'actions',
                title: '',
                width: 80,
                render: (_: unknown, m: CommitteeMember) => (
                  <Button
                    size="small"
                    danger
                    type="link"
                    onClick={() =>
                      modal.confirm({
                        title: t('pairing.committee.remove'),
                        content: m.name,
                        okButtonProps: { danger: true },
                        onOk: () => onUpdate(m, { removed: true }),
                      })
                    }
                  >
                    {t('pairing.committee.remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
