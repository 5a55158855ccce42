import { DatePicker, Form, type FormInstance, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { type MeetingDetail, useMeetingWrites } from './api';

export type ResolutionValues = { ownerUnitId: string; deadline: Dayjs; content: string; otherUnit?: boolean };

/** Add a resolution: its content, the unit that owns it (one of the invited, else any unit) and a deadline after the meeting. */
export function ResolutionForm({
  m,
  open,
  form,
  onClose,
}: {
  m: MeetingDetail;
  open: boolean;
  form: FormInstance<ResolutionValues>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { resolve } = useMeetingWrites(m.id);
  const invitedOptions = m.invitations.map((i) => ({ value: i.unitId, label: i.unitName }));
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await resolve.mutateAsync({
        ownerUnitId: v.ownerUnitId,
        deadline: v.deadline.format('YYYY-MM-DD'),
        content: v.content.trim(),
      });
      feedback.success(t('common.created'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  return (
    <Modal
      open={open}
      title={t('meetings.addResolution')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={resolve.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="resolution-form">
        <Form.Item
          name="content"
          label={t('meetings.resolutionContent')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('errors.required', { field: t('meetings.resolutionContent') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="resolution-content" />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('meetings.ownerUnit')} rules={required(t('meetings.ownerUnit'))}>
          {invitedOptions.length ? (
            <Select
              options={invitedOptions}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="resolution-owner"
            />
          ) : (
            <OrgSelect kind="unit" />
          )}
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('meetings.deadline')}
          extra={t('meetings.deadlineHint')}
          rules={required(t('meetings.deadline'))}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(m.meetingDate), 'day')}
            data-testid="resolution-deadline"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
