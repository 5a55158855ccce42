import { Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import type { PartyMemberView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate, formatDateTime } from '../../ui/format';
import { RecordDrawer } from '../../ui/RecordDrawer';
import { useMember, useMemberMutations } from './api';

/** One Party member: kind, unit, branch, residence; edit and delete with members.write. */
export function MemberDrawer({
  memberId,
  onClose,
  onEdit,
}: {
  memberId: string | null;
  onClose: () => void;
  onEdit: (m: PartyMemberView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const member = useMember(memberId);
  const { remove } = useMemberMutations();

  return (
    <RecordDrawer<PartyMemberView>
      open={!!memberId}
      onClose={onClose}
      result={member}
      testIdPrefix="member"
      writable={can('members.write')}
      onEdit={onEdit}
      remove={remove}
    >
      {(m) => (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'name', label: t('members.name'), children: m.name },
            { key: 'gender', label: t('members.gender'), children: labelOf('gender', m.gender) },
            { key: 'phone', label: t('members.phone'), children: <span className="mono">{m.phone ?? '—'}</span> },
            { key: 'kind', label: t('members.kind'), children: <EnumTag group="memberKind" value={m.kind} /> },
            { key: 'unit', label: t('members.unit'), children: m.unitName ?? '—' },
            { key: 'branch', label: t('members.branch'), children: m.branchName ?? '—' },
            { key: 'residence', label: t('members.residence'), children: m.residenceCommunityName ?? '—' },
            { key: 'joined', label: t('members.joinedAt'), children: formatDate(m.joinedAt) },
            { key: 'updated', label: t('people.updatedAt'), children: formatDateTime(m.updatedAt) },
            ...(can('people.read')
              ? [
                  {
                    key: 'person',
                    label: t('members.person'),
                    children: <Link to={`/people?person=${m.personId}`}>{t('members.viewPerson')}</Link>,
                  },
                ]
              : []),
          ]}
        />
      )}
    </RecordDrawer>
  );
}
