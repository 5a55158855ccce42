import { Form, type FormInstance, Input, Modal } from 'antd';
import { useI18n } from '../../../i18n';
import { OrgSelect } from '../../org/OrgSelect';
import type { InvitationView } from './api';

export type InvitationDialogKind =
  | { kind: 'checkin'; unit: InvitationView }
  | { kind: 'invite' }
  | { kind: 'respond'; unit: InvitationView; response: 'accepted' | 'declined' };
export type InvitationValues = { attendees?: string; unitId?: string; note?: string };

/** One form for the three invitation dialogs: check a unit in (who came), invite a unit, answer for one's unit. */
export function InvitationDialog({
  dialog,
  form,
  onCancel,
  onOk,
}: {
  dialog: InvitationDialogKind | null;
  form: FormInstance<InvitationValues>;
  onCancel: () => void;
  onOk: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={dialog !== null}
      onCancel={onCancel}
      onOk={onOk}
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
  );
}
