import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { useMeetingWrites } from './api';
import { currentQuarter, yearOptions } from './quarters';

/** Propose the quarter's meetings (one per community that has none yet), for a chosen year and quarter. */
export function ProposeButton({ year }: { year: number }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { propose } = useMeetingWrites();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; quarter: number }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await propose.mutateAsync(v);
      feedback.success(t('meetings.proposed', { created: r.created.length, existing: r.existing }));
      setOpen(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <>
      <Button
        type="primary"
        icon={<ThunderboltOutlined />}
        onClick={() => {
          form.setFieldsValue({ year, quarter: currentQuarter() });
          setOpen(true);
        }}
        data-testid="meetings-propose"
      >
        {t('meetings.propose')}
      </Button>
      <Modal
        open={open}
        title={t('meetings.proposeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={propose.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('meetings.proposeHint')}</Typography.Paragraph>
        <Form form={form} layout="inline">
          <Form.Item name="year" label={t('meetings.year')} rules={[{ required: true }]}>
            <Select options={yearOptions()} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="quarter" label={t('meetings.quarter')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('meetings.quarterN', { quarter: q }) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
