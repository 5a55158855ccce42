import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { scopeOrgsOf, seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type TeamMemberView, useCatalogueWrites, useTeam, type VolunteerTeamDetail } from '../api';
import { VolunteerSelect } from '../activities/AddSignupDialog';
import volunteerStrings from '../i18n';
import { useCatalogueName } from '../parts';
import { countyDay } from '../time';
import { TeamFormModal } from './TeamFormModal';

addStrings(volunteerStrings);

/** Staff of the team's community (or the county) change its leaders; a leader only adds and removes plain members. */
function useTeamRights(team: VolunteerTeamDetail | undefined) {
  const { me, can } = useSession();
  if (!team) return { staff: false, roster: false };
  const staff =
    can('volunteers.manage') &&
    (seesWholeCounty(me) ||
      (team.communityId !== null && scopeOrgsOf(me, 'community_admin').includes(team.communityId)));
  return { staff, roster: team.mayRun };
}

function AddMemberDialog({ team, onClose }: { team: VolunteerTeamDetail; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { addMember } = useCatalogueWrites();
  const [form] = Form.useForm<{ volunteerId: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await addMember.mutateAsync({ teamId: team.id, volunteerId: v.volunteerId, role: 'member' });
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open
      title={t('volunteers.teams.addMemberTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={addMember.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="vt-add-member-form">
        <Form.Item
          name="volunteerId"
          label={t('volunteers.volunteer')}
          rules={[{ required: true, message: t('errors.required', { field: t('volunteers.volunteer') }) }]}
        >
          <VolunteerSelect testId="vt-add-volunteer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MemberActions({ team, m, staff }: { team: VolunteerTeamDetail; m: TeamMemberView; staff: boolean }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useCatalogueWrites();
  // A leader may change plain members only (the server refuses the rest).
  if (!staff && m.role === 'leader') return null;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const setRole = (role: 'leader' | 'member') =>
    run(() => writes.setMemberRole.mutateAsync({ teamId: team.id, memberId: m.id, role }));
  return (
    <Space size={4} wrap>
      {staff && (
        <Button size="small" type="link" onClick={() => void setRole(m.role === 'leader' ? 'member' : 'leader')}>
          {t(m.role === 'leader' ? 'volunteers.teams.setMember' : 'volunteers.teams.setLeader')}
        </Button>
      )}
      <Popconfirm
        title={t('volunteers.teams.removeConfirm', { name: m.name })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => run(() => writes.removeMember.mutateAsync({ teamId: team.id, memberId: m.id }))}
      >
        <Button size="small" type="link" danger data-testid={`vt-remove-${m.id}`}>
          {t('volunteers.teams.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** One team: what it is, its leaders and members, and (for whoever runs it) its roster. */
export default function VolunteerTeamPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const name = useCatalogueName();
  const q = useTeam(id);
  const rights = useTeamRights(q.data);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const team = q.data;
  return (
    <div className="page" data-testid="volunteer-team-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Link to="/volunteer-teams">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('volunteers.teams.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {team.name}
          </Typography.Title>
          {!team.active && <Tag>{t('volunteers.teams.inactive')}</Tag>}
        </Flex>
        <Flex gap={8} wrap>
          {/* Staff and the team's leader add members (a leader finds the volunteers of the team's community). */}
          {rights.roster && team.active && (
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="vt-add-member">
              {t('volunteers.teams.addMember')}
            </Button>
          )}
          {rights.staff && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="vt-edit">
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('volunteers.series')}>
            {name(team.seriesName, team.seriesNameEn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.community')}>
            {team.communityName ?? t('volunteers.teams.countyWide')}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.teams.leaders')}>
            {team.leaders.length
              ? team.leaders.map((l) => (
                  <Tag key={l.volunteerId} color="gold">
                    {l.name}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          {team.description && (
            <Descriptions.Item label={t('volunteers.teams.description')}>{team.description}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={`${t('volunteers.teams.members')} (${team.memberCount})`} style={{ marginTop: 12 }}>
        <Table<TeamMemberView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={team.members}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('volunteers.teams.noMembers')} /> }}
          data-testid="vt-members"
          columns={[
            {
              key: 'name',
              title: t('volunteers.volunteer'),
              render: (_, m) => (
                <>
                  <div>
                    {m.name} {m.role === 'leader' && <Tag color="gold">{t('volunteers.teamRoles.leader')}</Tag>}
                    {m.state === 'inactive' && <Tag>{t('volunteers.volunteerStates.inactive')}</Tag>}
                  </div>
                  {m.phone && <Typography.Text type="secondary">{m.phone}</Typography.Text>}
                </>
              ),
            },
            {
              key: 'skills',
              title: t('volunteers.skills'),
              render: (_, m) => (m.skills.length ? m.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'),
            },
            { key: 'joinedAt', title: t('volunteers.teams.joinedAt'), render: (_, m) => countyDay(m.joinedAt) },
            ...(rights.roster
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, m: TeamMemberView) => <MemberActions team={team} m={m} staff={rights.staff} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && <TeamFormModal open onClose={() => setEditing(false)} team={team} />}
      {adding && <AddMemberDialog team={team} onClose={() => setAdding(false)} />}
    </div>
  );
}
