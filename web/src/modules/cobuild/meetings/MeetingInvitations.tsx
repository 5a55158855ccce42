import { CheckOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState } from '../../../ui/states';
import { OrgSelect } from '../../org/OrgSelect';
import { type InvitationView, type MeetingDetail, useMeetingWrites } from './api';

const names = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

type Dialog =
  | { kind: 'checkin'; unit: InvitationView }
  | { kind: 'invite' }
  | { kind: 'respond'; unit: InvitationView; response: 'accepted' | 'declined' }
  | null;

/** Invited units, their answers and attendance: staff check units in and invite more; a unit admin answers and confirms for its own unit. */
export function MeetingInvitations({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useMeetingWrites(m.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ attendees?: string; unitId?: string; note?: string }>();
  const before = m.status === 'proposed' || m.status === 'scheduled';
  const atOrAfter = m.status === 'scheduled' || m.status === 'held';
  const mine = (u: InvitationView) => m.can.respondFor.includes(u.unitId);

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      feedback.success(t('common.saved'));
      setDialog(null);
    } catch (err) {
      feedback.error(err);
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'checkin')
      await run(
        writes.attendance.mutateAsync({
          unitId: dialog.unit.unitId,
          attended: true,
          attendees: names(v.attendees ?? ''),
        }),
      );
    if (dialog?.kind === 'invite') await run(writes.invite.mutateAsync({ unitId: v.unitId }));
    if (dialog?.kind === 'respond')
      await run(
        writes.respond.mutateAsync({
          unitId: dialog.unit.unitId,
          response: dialog.response,
          note: v.note?.trim() || null,
        }),
      );
  };
  const open = (d: NonNullable<Dialog>) => {
    form.resetFields();
    if (d.kind === 'checkin') form.setFieldsValue({ attendees: d.unit.attendees.join('，') });
    setDialog(d);
  };
  const responseTag = (u: InvitationView) => {
    const colour = u.response === 'accepted' ? 'green' : u.response === 'declined' ? 'orange' : 'default';
    const key =
      u.response === 'accepted'
        ? 'responseAccepted'
        : u.response === 'declined'
          ? 'responseDeclined'
          : 'responsePending';
    return <Tag color={colour}>{t(`meetings.${key}`)}</Tag>;
  };
  const actions = (u: InvitationView) => (
    <Space size={4} orientation="vertical" align="start">
      {m.can.manage && atOrAfter && (
        <Button size="small" onClick={() => open({ kind: 'checkin', unit: u })} data-testid={`checkin-${u.unitId}`}>
          {t('meetings.checkIn')}
        </Button>
      )}
      {m.can.manage && atOrAfter && u.attended && (
        <Popconfirm
          title={t('meetings.markAbsent')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(writes.attendance.mutateAsync({ unitId: u.unitId, attended: false }))}
        >
          <Button size="small" type="link" danger>
            {t('meetings.markAbsent')}
          </Button>
        </Popconfirm>
      )}
      {mine(u) && before && (
        <Button
          size="small"
          onClick={() => open({ kind: 'respond', unit: u, response: 'accepted' })}
          data-testid={`accept-${u.unitId}`}
        >
          {t('meetings.accept')}
        </Button>
      )}
      {mine(u) && before && (
        <Button size="small" onClick={() => open({ kind: 'respond', unit: u, response: 'declined' })}>
          {t('meetings.decline')}
        </Button>
      )}
      {mine(u) && atOrAfter && !u.confirmedAt && (
        <Button
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => void run(writes.confirm.mutateAsync(u.unitId))}
          data-testid={`confirm-${u.unitId}`}
        >
          {t('meetings.confirmAttendance')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      title={t('meetings.invitations')}
      data-testid="meeting-invitations"
      extra={
        m.can.manage &&
        before && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => open({ kind: 'invite' })}>
            {t('meetings.inviteUnit')}
          </Button>
        )
      }
    >
      <Table<InvitationView>
        rowKey="unitId"
        size="small"
        dataSource={m.invitations}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{ emptyText: <EmptyState description={t('meetings.noInvitations')} /> }}
        columns={[
          {
            key: 'unit',
            title: t('meetings.unit'),
            render: (_, u) => (
              <Space orientation="vertical" size={2}>
                <span>
                  {u.unitName}
                  {u.source === 'extra' && <Tag style={{ marginInlineStart: 6 }}>{t('meetings.sourceExtra')}</Tag>}
                </span>
                <span>
                  {responseTag(u)}
                  {u.responseNote && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.responseNote}
                    </Typography.Text>
                  )}
                </span>
              </Space>
            ),
          },
          {
            key: 'attendance',
            title: t('meetings.attendance'),
            render: (_, u) =>
              u.attended ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    <Tag color="success">{t('meetings.attended')}</Tag>
                    {u.confirmedAt && <Tag color="blue">{t('meetings.confirmed')}</Tag>}
                  </span>
                  {u.attendees.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.attendees.join('、')}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          { key: 'actions', title: t('common.actions'), width: 120, render: (_, u) => actions(u) },
        ]}
      />
      <Modal
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => void submit().catch(() => undefined)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        title={
          dialog?.kind === 'checkin'
            ? `${t('meetings.checkIn')} · ${dialog.unit.unitName}`
            : dialog?.kind === 'invite'
              ? t('meetings.inviteUnit')
              : dialog?.kind === 'respond'
                ? t(dialog.response === 'accepted' ? 'meetings.accept' : 'meetings.decline')
                : ''
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.kind === 'checkin' && (
            <Form.Item name="attendees" label={t('meetings.attendees')} extra={t('meetings.attendeesHint')}>
              <Input.TextArea rows={3} data-testid="checkin-attendees" />
            </Form.Item>
          )}
          {dialog?.kind === 'invite' && (
            <Form.Item
              name="unitId"
              label={t('meetings.unit')}
              rules={[{ required: true, message: t('errors.required', { field: t('meetings.unit') }) }]}
            >
              <OrgSelect kind="unit" />
            </Form.Item>
          )}
          {dialog?.kind === 'respond' && (
            <Form.Item name="note" label={t('meetings.responseNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
