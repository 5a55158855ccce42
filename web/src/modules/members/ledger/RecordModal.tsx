import { DatePicker, Form, Input, Modal, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { formatCountyDateTime } from '../../../ui/format';
import { useFeedback } from '../../../ui/feedback';
import { type ServiceRecordView, useCorrectRecord, useVoidRecord } from './api';

interface Values {
  startsAt: Dayjs;
  endsAt: Dayjs;
  reason: string;
}

/** The corrected start and end (county time in a Chinese browser; sent as instants). */
function TimeFields() {
  const { t } = useI18n();
  const rules = [{ required: true, message: t('ledger.timesRequired') }];
  return (
    <>
      <Form.Item name="startsAt" label={t('ledger.startsAt')} rules={rules}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsAt" label={t('ledger.endsAt')} rules={rules}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/**
 * One record: staff who manage members' service correct its times (a reason is required) or void it (with a
 * reason); the server refuses overlaps, more than 24 hours and a stale version, and the message says why.
 */
export function RecordModal({ record, onClose }: { record: ServiceRecordView | null; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'correct' | 'void'>('correct');
  const correct = useCorrectRecord();
  const voidIt = useVoidRecord();
  useEffect(() => {
    if (!record) return;
    setMode('correct');
    form.setFieldsValue({ startsAt: dayjs(record.startsAt), endsAt: dayjs(record.endsAt), reason: '' });
  }, [record, form]);
  const onOk = async () => {
    if (!record) return;
    const v = await form.validateFields();
    try {
      if (mode === 'correct') {
        const body = {
          startsAt: v.startsAt.toISOString(),
          endsAt: v.endsAt.toISOString(),
          reason: v.reason,
          version: record.version,
        };
        await correct.mutateAsync({ id: record.id, body });
        feedback.success(t('ledger.saved'));
      } else {
        await voidIt.mutateAsync({ id: record.id, body: { reason: v.reason, version: record.version } });
        feedback.success(t('ledger.voidedDone'));
      }
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={record !== null}
      title={mode === 'correct' ? t('ledger.correctTitle') : t('ledger.voidTitle')}
      onCancel={onClose}
      onOk={onOk}
      okText={mode === 'correct' ? t('ledger.save') : t('ledger.voidAction')}
      okButtonProps={{ danger: mode === 'void', loading: correct.isPending || voidIt.isPending }}
      cancelText={t('ledger.cancel')}
      destroyOnHidden
      data-testid="ledger-modal"
    >
      {record && (
        <>
          <Typography.Paragraph>
            {record.memberName} · {t(`ledger.kinds.${record.kind}`)} · {record.title}
            <br />
            <Typography.Text type="secondary">
              {formatCountyDateTime(record.startsAt)} – {formatCountyDateTime(record.endsAt)}
            </Typography.Text>
          </Typography.Paragraph>
          <Segmented
            value={mode}
            onChange={(v) => setMode(v as 'correct' | 'void')}
            options={[
              { value: 'correct', label: t('ledger.correct') },
              { value: 'void', label: t('ledger.voidAction') },
            ]}
            style={{ marginBottom: 16 }}
          />
          <Form form={form} layout="vertical">
            {mode === 'correct' && <TimeFields />}
            <Form.Item
              name="reason"
              label={t('ledger.reason')}
              rules={[{ required: true, whitespace: true, message: t('ledger.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="ledger-reason" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
