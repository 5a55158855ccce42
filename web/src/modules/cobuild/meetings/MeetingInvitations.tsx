import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Form, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState } from '../../../ui/states';
import { type InvitationView, type MeetingDetail, useMeetingWrites } from './api';
import { InvitationDialog, type InvitationDialogKind, type InvitationValues } from './InvitationDialog';
import { invitationColumns } from './invitationColumns';

const names = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Sends what the open dialog asked for: a check-in with attendees, an invitation, or a unit's answer. */
async function sendDialog(
  writes: ReturnType<typeof useMeetingWrites>,
  run: (p: Promise<unknown>) => Promise<void>,
  dialog: InvitationDialogKind | null,
  v: InvitationValues,
) {
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
}

/** Invited units, their answers and attendance: staff check units in and invite more; a unit admin answers and confirms for its own unit. */
export function MeetingInvitations({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useMeetingWrites(m.id);
  const [dialog, setDialog] = useState<InvitationDialogKind | null>(null);
  const [form] = Form.useForm<InvitationValues>();
  const before = m.status === 'proposed' || m.status === 'scheduled';

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      feedback.success(t('common.saved'));
      setDialog(null);
    } catch (err) {
      feedback.error(err);
    }
  };
  const submit = async () => sendDialog(writes, run, dialog, await form.validateFields());
  const open = (d: InvitationDialogKind) => {
    form.resetFields();
    if (d.kind === 'checkin') form.setFieldsValue({ attendees: d.unit.attendees.join('，') });
    setDialog(d);
  };
  const columns = invitationColumns(t, m, {
    open,
    run,
    markAbsent: (unitId) => writes.attendance.mutateAsync({ unitId, attended: false }),
    confirm: (unitId) => writes.confirm.mutateAsync(unitId),
  });

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
        locale={{ emptyText: <EmptyState description={t('meetings.noInvitations')} /> }}
        columns={columns}
      />
      <InvitationDialog
        dialog={dialog}
        form={form}
        onCancel={() => setDialog(null)}
        onOk={() => void submit().catch(() => undefined)}
      />
    </Card>
  );
}
