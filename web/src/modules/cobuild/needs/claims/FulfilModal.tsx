import { DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../../i18n';
import { useFeedback } from '../../../../ui/feedback';
import { countyInstant } from '../../../../ui/format';
import { type NeedClaimView, useClaimWrites } from './api';

/**
 * Staff verify a claim as done with the service's start and end: the server writes the member's 'need' record in
 * the ledger with them, and refuses (nothing written) an overlap with another record or more than 24 hours a day.
 */
export function FulfilModal({ claim, onClose }: { claim: NeedClaimView | null; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { fulfil } = useClaimWrites();
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();
  const submit = async () => {
    if (!claim) return;
    const { period } = await form.validateFields();
    try {
      await fulfil.mutateAsync({
        id: claim.id,
        // What staff type is the county's wall clock, whatever the device's zone.
        startsAt: countyInstant(period[0], period[0]),
        endsAt: countyInstant(period[1], period[1]),
        version: claim.version,
      });
      feedback.success(t('needClaims.fulfilledToast'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={claim !== null}
      title={claim ? t('needClaims.fulfilTitle', { title: claim.needTitle }) : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('needClaims.fulfil')}
      cancelText={t('common.cancel')}
      confirmLoading={fulfil.isPending}
      destroyOnHidden
      data-testid="claim-fulfil-modal"
    >
      {claim && (
        <Typography.Paragraph type="secondary">
          {t('needClaims.fulfilHint', { name: claim.memberName })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="period"
          label={t('needClaims.period')}
          rules={[{ required: true, message: t('needClaims.periodRequired') }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="claim-fulfil-period"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
