import { App as AntApp, Button, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiUrl } from '../../../api/client';
import { scopeOrgsOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { COMMITTEE_ROLES as ROLES } from '../../../../../src/modules/cobuild/pairing/pairing.enums';
import { type Committee, type CommitteeMember, useCommittee, useCommittees, usePairingWrites } from './api';

type NewMember = { name: string; title?: string; role: CommitteeMember['role'] };

function RosterTable({
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

function AddMemberModal({
  open,
  pending,
  onClose,
  onAdd,
}: {
  open: boolean;
  pending: boolean;
  onClose: () => void;
  onAdd: (v: NewMember) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewMember>();
  const ok = async () => {
    await onAdd(await form.validateFields());
  };
  return (
    <Modal
      open={open}
      title={t('pairing.committee.add')}
      onCancel={onClose}
      onOk={() => void ok()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'member' }} preserve={false}>
        <Form.Item
          name="name"
          label={t('pairing.committee.name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('pairing.committee.title')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('pairing.committee.role')}>
          <Select options={ROLES.map((x) => ({ value: x, label: t(`pairing.committee.${x}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 大党委: pick a community, see its roster (head, deputies, members), adjust it, print it. */
export function CommitteeTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const feedback = useFeedback();
  const list = useCommittees(year);
  const [communityId, setCommunityId] = useState<string>();
  const items = list.data?.items ?? [];
  const current = communityId && items.some((c) => c.communityId === communityId) ? communityId : items[0]?.communityId;
  useEffect(() => setCommunityId(undefined), [year]);
  const roster = useCommittee(current, year);
  const writes = usePairingWrites();
  const [adding, setAdding] = useState(false);
  const editable = !!current && (can('pairings.manage') || scopeOrgsOf(me, 'community_admin').includes(current));

  const update = async (m: CommitteeMember, patch: { role?: CommitteeMember['role']; removed?: boolean }) => {
    if (!current) return;
    try {
      await writes.updateMember.mutateAsync({ communityId: current, memberKey: m.key, year, ...patch });
    } catch (err) {
      feedback.error(err);
    }
  };
  const add = async (v: NewMember) => {
    if (!current) return;
    try {
      await writes.addMember.mutateAsync({
        communityId: current,
        year,
        name: v.name.trim(),
        title: v.title?.trim() || null,
        role: v.role,
      });
      setAdding(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  if (list.isLoading) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (!items.length) return <EmptyState />;
  const r = roster.data;
  return (
    <div data-testid="committee-tab">
      <Typography.Paragraph type="secondary">{t('pairing.committee.help')}</Typography.Paragraph>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} md={10}>
          <Select
            style={{ width: '100%' }}
            value={current}
            onChange={setCommunityId}
            placeholder={t('pairing.committee.pick')}
            data-testid="committee-community"
            options={items.map((c) => ({
              value: c.communityId,
              label: `${c.communityName}（${t('pairing.committee.members', { count: c.members })}）`,
            }))}
          />
        </Col>
        <Col xs={24} md={14}>
          <Space wrap>
            {current && (
              <Button
                href={apiUrl(`/party-committees/${current}/roster.pdf`, { year })}
                target="_blank"
                data-testid="committee-print"
              >
                {t('pairing.committee.print')}
              </Button>
            )}
            {editable && <Button onClick={() => setAdding(true)}>{t('pairing.committee.add')}</Button>}
          </Space>
        </Col>
      </Row>
      {roster.isLoading ? (
        <Loading />
      ) : roster.isError ? (
        <LoadError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        r && (
          <>
            <RosterTable committee={r} editable={editable} onUpdate={(m, patch) => void update(m, patch)} />
            {r.removed.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('pairing.committee.removed')}：
                {r.removed.map((m) => (
                  <Space key={m.key} style={{ marginRight: 12 }}>
                    {m.name}
                    {m.unitName ? `（${m.unitName}）` : ''}
                    {editable && (
                      <Button size="small" type="link" onClick={() => void update(m, { removed: false })}>
                        {t('pairing.committee.restore')}
                      </Button>
                    )}
                  </Space>
                ))}
              </Typography.Paragraph>
            )}
          </>
        )
      )}
      <AddMemberModal open={adding} pending={writes.addMember.isPending} onClose={() => setAdding(false)} onAdd={add} />
    </div>
  );
}
