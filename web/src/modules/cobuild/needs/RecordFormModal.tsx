import { Form, type FormInstance, Input, InputNumber, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import type { MeasureUnit } from './api';

interface Props<V> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  testId: string;
  saving: boolean;
  onClose: () => void;
  /** Sends the checked values; the dialog then says "saved" and closes, or shows why not and stays open. */
  save: (values: V) => Promise<unknown>;
  children: ReactNode;
}

/** The needs' and resources' form dialog: one vertical form, saved with feedback, rebuilt on each opening. */
export function RecordFormModal<V>({ open, title, form, testId, saving, onClose, save, children }: Props<V>) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save(v);
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

/** The rule of a field that must be filled, with its "X is required" message. */
export function useRequired() {
  const { t } = useI18n();
  return (field: string) => [{ required: true, message: t('errors.required', { field }) }];
}

export function DescriptionField() {
  const { t } = useI18n();
  return (
    <Form.Item name="description" label={t('needs.description')}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

/** How much (a need's quantity, a resource's capacity) beside its unit of measure. */
export function AmountFields({ name, label, units }: { name: string; label: string; units: readonly MeasureUnit[] }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Form.Item name={name} label={label} rules={required(label)} style={{ flex: 1 }}>
        <InputNumber min={0.01} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="unit" label={t('needs.measure')} rules={required(t('needs.measure'))} style={{ flex: 1 }}>
        <Select options={units.map((u) => ({ value: u, label: t(`needs.units.${u}`) }))} />
      </Form.Item>
    </div>
  );
}

/** Longitude and latitude side by side: required for a need (placed on the map), optional for a resource. */
export function LocationFields({ required, extra }: { required: boolean; extra: string }) {
  const { t } = useI18n();
  const rules = useRequired();
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Form.Item
        name="lng"
        label={t('needs.lng')}
        rules={required ? rules(t('needs.lng')) : undefined}
        extra={extra}
        style={{ flex: 1 }}
      >
        <InputNumber step={0.001} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="lat"
        label={t('needs.lat')}
        rules={required ? rules(t('needs.lat')) : undefined}
        style={{ flex: 1 }}
      >
        <InputNumber step={0.001} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
