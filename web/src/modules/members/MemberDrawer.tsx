import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Popconfirm, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { PartyMemberView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { DetailDrawer } from '../../ui/DetailDrawer';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/states';
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
  const feedback = useFeedback();
  const member = useMember(memberId);
  const { remove } = useMemberMutations();
  const m = member.data;

  const del = async () => {
    if (!m) return;
    try {
      await remove.mutateAsync(m.id);
      feedback.success(t('common.deleted'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };

  const footer =
    m && can('members.write') ? (
      <Space wrap>
        <Button icon={<EditOutlined />} onClick={() => onEdit(m)} data-testid="member-edit">
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('common.deleteConfirm', { name: m.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={() => del()}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="member-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ) : undefined;

  return (
    <DetailDrawer
      open={!!memberId}
      onClose={onClose}
      title={m?.name ?? t('common.detail')}
      testId="member-detail"
      footer={footer}
    >
      {member.isLoading ? (
        <Loading />
      ) : member.isError || !m ? (
        <LoadError error={member.error} onRetry={() => void member.refetch()} />
      ) : (
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
    </DetailDrawer>
  );
}
