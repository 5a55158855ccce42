import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { CaseDispatch } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { proxyAcknowledge, useCaseWrites } from './api';

interface Props {
  /** The waiting dispatch row to record the 报到 of; null when closed. */
  row: CaseDispatch | null;
  onClose: () => void;
}

/** 代报到: the community records a unit's 报到 on its behalf, with the reason (required, kept on the row). */
export function ProxyAcknowledgeDialog({ row, onClose }: Props) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useCaseWrites();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!row) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await proxyAcknowledge(row, v.reason.trim());
      feedback.success(t('whistleRules.proxyDone', { unit: row.unitName }));
      onClose();
      await writes.settle();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!row}
      title={row ? t('whistleRules.proxyTitle', { unit: row.unitName }) : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      destroyOnHidden
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'proxy-ack-submit' } as object as { danger?: boolean }}
    >
      <Typography.Paragraph type="secondary">{t('whistleRules.proxyHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('whistleRules.proxyReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('errors.required', { field: t('whistleRules.proxyReason') }),
            },
            { min: 2, message: t('errors.required', { field: t('whistleRules.proxyReason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="proxy-ack-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
