import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { CreatedOpen311Client, CreateOpen311Client } from '../../../../src/modules/open311/open311.contracts';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';

/** The create dialog: a name and, optionally, the key's requests a minute. */
export function CreateClientModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: CreatedOpen311Client) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateOpen311Client>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      props.onCreated(await api.post<CreatedOpen311Client>('/open311-clients', values));
      form.resetFields();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('open311.createTitle')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ requestsPerMinute: 600 }}>
        <Form.Item name="name" label={t('open311.name')} rules={[{ required: true, max: 60, whitespace: true }]}>
          <Input data-testid="open311-name" placeholder="12345 热线" />
        </Form.Item>
        <Form.Item name="requestsPerMinute" label={t('open311.limit')}>
          <InputNumber min={1} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The new key, shown this once, with a copy button. */
export function KeyShownOnce(props: { client: CreatedOpen311Client; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const copy = async () => {
    await navigator.clipboard?.writeText(props.client.key);
    message.success(t('open311.copied'));
  };
  return (
    <Modal
      open
      title={t('open311.keyTitle')}
      onCancel={props.onClose}
      onOk={props.onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon message={t('open311.keyNote')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph strong>{props.client.name}</Typography.Paragraph>
      <Typography.Paragraph code data-testid="open311-key" style={{ wordBreak: 'break-all' }}>
        {props.client.key}
      </Typography.Paragraph>
      <Button onClick={() => void copy()}>{t('open311.copy')}</Button>
    </Modal>
  );
}
