import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { useActivityWrites, type VolunteerActivityDetail, type VolunteerSignupView } from '../api';
import { instantOf, wallClock } from '../time';

interface Values {
  span: [Dayjs, Dayjs];
  reason: string;
}

/** The organiser's correction of a volunteer's times: both times inside the activity's, and a reason (audited). */
export function CorrectDialog({
  activity,
  signup,
  onClose,
}: {
  activity: VolunteerActivityDetail;
  signup: VolunteerSignupView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { correct } = useActivityWrites(activity.id);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!signup) return;
    form.resetFields();
    form.setFieldsValue({
      span: [wallClock(signup.checkedInAt ?? activity.startsAt), wallClock(signup.checkedOutAt ?? activity.endsAt)],
      reason: '',
    });
  }, [signup, activity, form]);
  const submit = async () => {
    if (!signup) return;
    const v = await form.validateFields();
    try {
      await correct.mutateAsync({
        signupId: signup.id,
        checkedInAt: instantOf(v.span[0]),
        checkedOutAt: instantOf(v.span[1]),
        reason: v.reason.trim(),
      });
      feedback.success(t('volunteers.detail.corrected'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={!!signup}
      title={t('volunteers.detail.correctTitle', { name: signup?.volunteerName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={correct.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="va-correct-form">
        <Form.Item
          name="span"
          label={`${t('volunteers.detail.correctIn')} – ${t('volunteers.detail.correctOut')}`}
          rules={[{ required: true, message: t('errors.required', { field: t('volunteers.detail.correctIn') }) }]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('volunteers.detail.correctReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('errors.required', { field: t('volunteers.detail.correctReason') }),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Typography.Text type="secondary">{t('volunteers.detail.correctHelp')}</Typography.Text>
      </Form>
    </Modal>
  );
}
