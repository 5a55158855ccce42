import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { VolunteerSelect } from '../activities/AddSignupDialog';
import { useCertificateWrites, type VolunteerCertificateView } from '../hours/api';

interface IssueValues {
  volunteerId: string;
  period: [Dayjs, Dayjs];
  content?: string;
}

/** Issues a certificate over a period: the hours and activities are the server's count; 公示 starts at once. */
export function IssueDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueValues>();
  const { issue } = useCertificateWrites();
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  return (
    <RecordFormModal<IssueValues, VolunteerCertificateView>
      form={form}
      open
      editing={false}
      title={t('volunteers.certificates.issueTitle')}
      width={520}
      testId="vc-issue-form"
      saving={issue.isPending}
      onClose={onClose}
      save={(v) =>
        issue.mutateAsync({
          volunteerId: v.volunteerId,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          ...(v.content?.trim() ? { content: v.content.trim() } : {}),
        })
      }
      onSaved={onClose}
    >
      <Form.Item name="volunteerId" label={t('volunteers.volunteer')} rules={required(t('volunteers.volunteer'))}>
        <VolunteerSelect testId="vc-volunteer" />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('volunteers.certificates.period')}
        rules={required(t('volunteers.certificates.period'))}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="content" label={t('volunteers.certificates.content')}>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('volunteers.certificates.contentPlaceholder')} />
      </Form.Item>
    </RecordFormModal>
  );
}

/** Revoking a certificate: a reason is required (audited, shown with the certificate). */
export function RevokeDialog({ cert, onClose }: { cert: VolunteerCertificateView; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { revoke } = useCertificateWrites();
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await revoke.mutateAsync({ id: cert.id, reason: reason.trim() });
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open
      title={t('volunteers.certificates.revokeTitle', { serial: cert.serial })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      confirmLoading={revoke.isPending}
      okText={t('volunteers.certificates.revoke')}
      cancelText={t('common.cancel')}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('volunteers.certificates.revokeReason')}
        data-testid="vc-revoke-reason"
      />
    </Modal>
  );
}
